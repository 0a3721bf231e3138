package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyDraft;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Quick replies in the chat composer: the template button and "/word"; inserting never sends. */
class QuickReplyPickerTest extends BrowserlessViewTest {

    @Autowired
    InboxService service;

    @Autowired
    QuickReplyService quickReplies;

    private long chat;
    private ChatsView view;
    private Composer composer;

    @BeforeEach
    void annaOpensAChatWithTemplatesAvailable() {
        StaffMember anna = staff.manager("anna");
        ChannelInfo telegram = inbox.channel("Telegram shop", anna);
        chat = inbox.newChat(telegram, "Olena Bondar");
        staff.signInAs(staff.administrator("olena"));
        quickReplies.create(new QuickReplyDraft(
                "Greeting", "Hello, {client_name}! {manager_name} here. {coupon}", "hi", true, true));
        quickReplies.create(
                new QuickReplyDraft("Доставка", "Відправимо завтра, замовлення {order_number}", "ship", true, true));
        quickReplies.create(new QuickReplyDraft("Payment", "Cards or cash", "pay", true, true));
        signInAndOpenApp(anna);
        open("chats/" + chat);
        view = (ChatsView) getCurrentView();
        composer = view.window.composer;
    }

    @Test
    void clickingATemplateInsertsItsFilledTextAndSendsNothing() {
        List<MessageView> before = service.history(chat, null, 50);
        test(composer.input).setValue("Good day!");

        test(composer.templates).click();
        QuickReplyPicker picker = $(QuickReplyPicker.class).single();
        assertThat(picker.isOpened()).isTrue();
        assertThat(titles(picker)).containsExactlyInAnyOrder("Greeting", "Доставка", "Payment");

        test(picker.search).setValue("client");
        assertThat(titles(picker)).containsExactly("Greeting");
        test(items(picker).getFirst()).click();

        assertThat(picker.isOpened()).isFalse();
        // No caret known without a browser: appended; unknown variables stay visible.
        assertThat(composer.input.getValue()).isEqualTo("Good day! Hello, Olena Bondar! Anna Tester here. {coupon}");
        assertThat(service.history(chat, null, 50)).isEqualTo(before);
        assertThat(quickReplies.search("").getFirst().title()).isEqualTo("Greeting");
        assertThat(quickReplies.search("").getFirst().usageCount()).isEqualTo(1);
    }

    @Test
    void searchFindsCyrillicAndTheOrderNumberStaysWhenThereIsNoOrder() {
        test(composer.templates).click();
        QuickReplyPicker picker = $(QuickReplyPicker.class).single();

        test(picker.search).setValue("ДОСТ");
        assertThat(titles(picker)).containsExactly("Доставка");
        picker.pickSelected();

        assertThat(composer.input.getValue()).isEqualTo("Відправимо завтра, замовлення {order_number}");
    }

    @Test
    void slashWordOpensTheListByShortcutAndEnterReplacesTheWord() {
        List<MessageView> before = service.history(chat, null, 50);

        test(composer.input).setValue("/pa");

        QuickReplyPicker picker = $(QuickReplyPicker.class).single();
        assertThat(picker.isOpened()).isTrue();
        assertThat(picker.search.getValue()).isEqualTo("pa");
        assertThat(titles(picker)).containsExactly("Payment");

        test(picker.search).setValue("");
        assertThat(titles(picker)).hasSize(3);
        test(picker.search).setValue("s");
        assertThat(titles(picker)).containsExactly("Доставка");
        test(picker.search).setValue("");
        picker.move(1);
        picker.move(1);
        picker.move(-1);
        QuickReply second = picker.selected();
        picker.pickSelected();

        assertThat(composer.input.getValue())
                .isEqualTo(QuickReplyService.fill(
                        second.body(), new com.omnichat.quickreply.Variables("Olena Bondar", "Anna Tester", null)));
        assertThat(composer.input.getValue()).doesNotStartWith("/");
        assertThat(service.history(chat, null, 50)).isEqualTo(before);
    }

    @Test
    void escapeLeavesTheSlashWordAndTheListStaysClosedWhileTypingOn() {
        test(composer.input).setValue("/hi");
        QuickReplyPicker picker = $(QuickReplyPicker.class).single();
        picker.close();

        test(composer.input).setValue("/hix");

        assertThat(composer.input.getValue()).isEqualTo("/hix");
        assertThat($(QuickReplyPicker.class).all()).noneMatch(QuickReplyPicker::isOpened);
    }

    @Test
    void insertedTextCanBeEditedAndSent() {
        test(composer.input).setValue("/hi");
        $(QuickReplyPicker.class).single().pickSelected();
        test(composer.input).setValue(composer.input.getValue().replace(" {coupon}", " Welcome!"));

        test(composer.send).click();

        assertThat(service.history(chat, null, 50))
                .extracting(MessageView::body)
                .contains("Hello, Olena Bondar! Anna Tester here. Welcome!");
        assertThat(composer.input.getValue()).isEmpty();
    }

    private static List<Div> items(QuickReplyPicker picker) {
        return picker.list
                .getChildren()
                .filter(c -> c.hasClassName("quick-reply-item"))
                .map(Div.class::cast)
                .toList();
    }

    private static List<String> titles(QuickReplyPicker picker) {
        return picker.matches().stream().map(QuickReply::title).toList();
    }
}
