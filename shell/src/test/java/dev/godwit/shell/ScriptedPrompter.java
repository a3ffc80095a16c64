package dev.godwit.shell;

import dev.godwit.shell.session.Prompter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A user who gives the listed answers in order, and records the questions; no answer left means cancel. */
public final class ScriptedPrompter implements Prompter {
    private final Deque<String> answers;
    private final List<String> questions = new ArrayList<>();

    public ScriptedPrompter(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public boolean confirm(String question, String typeToConfirm) {
        questions.add(typeToConfirm == null ? question : question + " [type " + typeToConfirm + "]");
        String answer = answers.poll();
        return typeToConfirm != null ? typeToConfirm.equals(answer) : Prompter.isYes(answer);
    }

    @Override
    public String ask(String question) {
        questions.add(question);
        return answers.poll();
    }

    public List<String> questions() {
        return questions;
    }

    public int unanswered() {
        return answers.size();
    }
}
