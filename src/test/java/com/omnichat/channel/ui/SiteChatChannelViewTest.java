package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administration → Channels for a site chat: its settings and the line to put on the shop's pages. */
class SiteChatChannelViewTest extends BrowserlessViewTest {

    @Autowired
    ChannelAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorConnectsASiteChatAndGetsTheScriptTagForTheShop() {
        signInAndOpenApp(staff.administrator("olena"));
        ChannelsView view = navigate(ChannelsView.class);

        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("Site chat");
        test(dialog.name).setValue("Site chat · flowershop.ua");
        test(dialog.mode).selectItem("Webhook");
        var allowedSites = $(TextArea.class).all().stream()
                .filter(t -> t.getLabel().startsWith("Allowed sites"))
                .findFirst()
                .orElseThrow();
        test(allowedSites).setValue("https://flowershop.ua\nhttps://www.flowershop.ua");
        test(dialog.save).click();

        ChannelDetails saved = administration.list().getFirst();
        assertThat(saved.mode()).isEqualTo(ChannelMode.WEBHOOK);
        // The key that signs visitor tokens is generated, never asked for.
        assertThat(saved.secretsSet()).containsExactly("signingKey");
        assertThat(saved.settings())
                .containsEntry("allowedOrigins", "https://flowershop.ua\nhttps://www.flowershop.ua");

        test(view.grid).clickRow(0);
        ChannelDialog edit = $(ChannelDialog.class).last();
        edit.tabs.setSelectedIndex(2);
        String key = jdbc.sql("select channel_key from channel where id = ?")
                .param(saved.id())
                .query(String.class)
                .single();
        assertThat($(WidgetEmbedPanel.class).single().snippet.getValue())
                .isEqualTo("<script src=\"http://localhost:8080/widget/omnichat-widget.js\" data-channel=\"" + key
                        + "\" async></script>");
    }

    @Test
    void otherChannelsShowNoScriptTag() {
        signInAndOpenApp(staff.administrator("olena"));
        administration.save(new ChannelDraft(
                null, ChannelType.VIBER, "Viber", ChannelMode.WEBHOOK, Map.of("authToken", "t"), Map.of(), true));
        ChannelsView view = navigate(ChannelsView.class);
        test(view.grid).clickRow(0);
        $(ChannelDialog.class).single().tabs.setSelectedIndex(2);
        assertThat($(WidgetEmbedPanel.class).all()).isEmpty();
    }
}
