package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.chat.ui.OpenTabs.Reaction;
import com.omnichat.chat.ui.OpenTabs.Tab;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** How loudly each tab of one browser announces a new message in chat 7. */
class OpenTabsTest {

    private static final long CHAT = 7;
    private static final BooleanSupplier CONNECTED = () -> true;

    @Test
    void aSingleTab() {
        assertThat(react(tab(false, null))).isEqualTo(Reaction.SOUND);
        assertThat(react(tab(false, CHAT))).isEqualTo(Reaction.NONE);
        assertThat(react(tab(true, null))).isEqualTo(Reaction.FULL);
        assertThat(react(tab(true, CHAT))).as("hidden, so he does not see it").isEqualTo(Reaction.FULL);
    }

    @Test
    void aChatShownInAVisibleTabIsQuietInEveryTab() {
        Tab showing = tab(false, CHAT);
        Tab hidden = tab(true, null);
        Tab elsewhere = tab(false, 8L);

        assertThat(OpenTabs.react(hidden, List.of(showing, hidden, elsewhere), CHAT))
                .isEqualTo(Reaction.NONE);
        assertThat(OpenTabs.react(elsewhere, List.of(showing, hidden, elsewhere), CHAT))
                .isEqualTo(Reaction.NONE);
    }

    @Test
    void hiddenTabsOnlyCountWhileTheUserWorksInAnotherTab() {
        Tab visible = tab(false, null);
        Tab hidden = tab(true, CHAT);

        assertThat(OpenTabs.react(hidden, List.of(visible, hidden), CHAT)).isEqualTo(Reaction.TITLE);
        assertThat(OpenTabs.react(visible, List.of(visible, hidden), CHAT)).isEqualTo(Reaction.SOUND);
        visible.hidden = true;
        assertThat(OpenTabs.react(hidden, List.of(visible, hidden), CHAT)).isEqualTo(Reaction.FULL);
    }

    @Test
    void closedTabsNoLongerCount() {
        var tabs = new OpenTabs();
        Tab first = tabs.open("browser-1", CONNECTED);
        Tab second = tabs.open("browser-1", CONNECTED);
        first.hidden = true;
        second.openChat = CHAT;

        assertThat(tabs.reactionOf(first, CHAT)).isEqualTo(Reaction.NONE);
        tabs.close(second);
        assertThat(tabs.reactionOf(first, CHAT)).isEqualTo(Reaction.FULL);
        assertThat(tabs.reactionOf(tabs.open("browser-2", CONNECTED), CHAT))
                .as("another browser announces on its own")
                .isEqualTo(Reaction.SOUND);
    }

    @Test
    void aPageGoneWithoutGoodbyeNoLongerSilencesTheOthers() {
        var tabs = new OpenTabs();
        var pageThere = new AtomicBoolean(true);
        Tab reloaded = tabs.open("browser-1", pageThere::get); // its unload beacon never arrives
        reloaded.openChat = CHAT;
        Tab current = tabs.open("browser-1", CONNECTED);
        current.hidden = true;

        assertThat(tabs.reactionOf(current, CHAT)).isEqualTo(Reaction.NONE);
        pageThere.set(false); // its push connection is lost
        assertThat(tabs.reactionOf(current, CHAT))
                .as("as if alone in the browser")
                .isEqualTo(Reaction.FULL);
        reloaded.openChat = 8L;
        assertThat(tabs.reactionOf(current, CHAT)).isEqualTo(Reaction.FULL);
        pageThere.set(true);
        assertThat(tabs.reactionOf(current, CHAT)).as("back: he works there").isEqualTo(Reaction.TITLE);
    }

    private static Reaction react(Tab only) {
        return OpenTabs.react(only, List.of(only), CHAT);
    }

    private static Tab tab(boolean hidden, Long openChat) {
        var tab = new Tab("browser-1", CONNECTED);
        tab.hidden = hidden;
        tab.openChat = openChat;
        return tab;
    }
}
