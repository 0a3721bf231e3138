package com.omnichat.quickreply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the editor sends: a new template or the new state of one. {@code shared} decides
 * whether a new template is shared (administrators only) or personal; it is ignored on update.
 * The shortcut's form is checked where it is normalized (the service).
 */
public record QuickReplyDraft(
        @NotBlank(message = "{quickreply.error.title-required}")
        @Size(max = QuickReplyService.MAX_TITLE, message = "{quickreply.error.title-too-long}")
        String title,

        @NotBlank(message = "{quickreply.error.body-required}")
        @Size(max = QuickReplyService.MAX_BODY, message = "{quickreply.error.body-too-long}")
        String body,

        @Nullable String shortcut,
        boolean active,
        boolean shared) {}
