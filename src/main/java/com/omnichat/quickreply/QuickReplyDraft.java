package com.omnichat.quickreply;

import org.jspecify.annotations.Nullable;

/**
 * What the editor sends: a new template or the new state of one. {@code shared} decides
 * whether a new template is shared (administrators only) or personal; it is ignored on update.
 */
public record QuickReplyDraft(String title, String body, @Nullable String shortcut, boolean active, boolean shared) {
}
