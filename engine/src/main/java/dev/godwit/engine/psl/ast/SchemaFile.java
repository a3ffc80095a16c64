package dev.godwit.engine.psl.ast;

import java.util.List;
import java.util.Optional;

/** A parsed schema file: its blocks in file order. */
public record SchemaFile(String fileName, String text, List<Block> blocks) {
    public SchemaFile {
        blocks = List.copyOf(blocks);
    }

    public List<Block.Model> models() {
        return blocks.stream().filter(b -> b instanceof Block.Model).map(b -> (Block.Model) b).toList();
    }

    public List<Block.Enum> enums() {
        return blocks.stream().filter(b -> b instanceof Block.Enum).map(b -> (Block.Enum) b).toList();
    }

    public Optional<Block.Config> datasource() {
        return blocks.stream().filter(b -> b instanceof Block.Config c && c.keyword().equals("datasource"))
                .map(b -> (Block.Config) b).findFirst();
    }

    public Optional<Block.Model> model(String name) {
        return models().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Block.Enum> enumNamed(String name) {
        return enums().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
