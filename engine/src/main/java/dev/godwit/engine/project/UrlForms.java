package dev.godwit.engine.project;

import dev.godwit.engine.PerProvider;

/** The URL forms on the class path, loaded once (they hold no state). */
final class UrlForms {
    static final PerProvider<UrlForm> FORMS = PerProvider.load(UrlForm.class, UrlForm::provider);

    private UrlForms() {
    }
}
