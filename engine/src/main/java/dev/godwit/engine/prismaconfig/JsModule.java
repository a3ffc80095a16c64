package dev.godwit.engine.prismaconfig;

import java.util.List;
import java.util.Map;

/**
 * What a config file declares at its top level, as read by {@link JsParser}: its imports (local name →
 * module and exported name, {@code "*"} for a namespace), its constants, the object it exports, and the
 * {@code .env} files it loads through dotenv (a null path: the default {@code .env}).
 */
record JsModule(Map<String, Import> imports, Map<String, JsNode> constants, JsNode defaultExport,
                List<DotenvLoad> dotenvLoads) {

    record Import(String module, String name) {
        /** The module without its {@code node:} prefix. */
        String bareModule() {
            return module.startsWith("node:") ? module.substring(5) : module;
        }
    }

    /** A dotenv load: {@code import "dotenv/config"}, {@code dotenv.config()}, {@code config({ path })}. */
    record DotenvLoad(int offset, JsNode path) {
    }
}
