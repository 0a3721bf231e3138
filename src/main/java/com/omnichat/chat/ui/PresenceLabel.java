package com.omnichat.chat.ui;

import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.PresenceService;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Who else is in the chat, in its top bar: "Max is typing · Olena is viewing". */
class PresenceLabel extends Span {

    private final Map<Long, Seen> others = new HashMap<>();

    PresenceLabel() {
        addClassName("presence");
    }

    /** Those already there when the chat opens. */
    void alreadyHere(List<ChatEvent.Presence> present) {
        present.forEach(p -> others.put(p.userId(), new Seen(p.userName(), ChatEvent.Activity.VIEWING, Instant.now())));
        render();
    }

    /** Someone else opened, left or types in the chat (inside {@code UI.access}). */
    void changed(ChatEvent.Presence p) {
        if (p.activity() == ChatEvent.Activity.LEFT) {
            others.remove(p.userId());
        } else {
            others.put(p.userId(), new Seen(p.userName(), p.activity(), Instant.now()));
        }
        render();
        if (p.activity() == ChatEvent.Activity.TYPING) {
            // "is typing" ends by itself when no more keystrokes come.
            getUI().ifPresent(ui -> CompletableFuture.delayedExecutor(
                            PresenceService.TYPING_TTL_MILLIS + 100, TimeUnit.MILLISECONDS)
                    .execute(ui.accessLater(this::render, () -> {})));
        }
    }

    private void render() {
        Instant now = Instant.now();
        others.values()
                .removeIf(s ->
                        s.at().plusMillis(PresenceService.VIEWER_TTL_MILLIS).isBefore(now));
        List<String> typing = others.values().stream()
                .filter(s -> s.activity() == ChatEvent.Activity.TYPING
                        && s.at().plusMillis(PresenceService.TYPING_TTL_MILLIS).isAfter(now))
                .map(Seen::name)
                .toList();
        List<String> viewing = others.values().stream()
                .map(Seen::name)
                .filter(n -> !typing.contains(n))
                .toList();
        StringBuilder text = new StringBuilder();
        if (!typing.isEmpty()) {
            text.append(getTranslation("chat.presence.typing", String.join(", ", typing)));
        }
        if (!viewing.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(getTranslation("chat.presence.viewing", String.join(", ", viewing)));
        }
        setText(text.toString());
    }

    private record Seen(String name, ChatEvent.Activity activity, Instant at) {}
}
