package com.omnichat.quickreply.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyDraft;
import com.omnichat.quickreply.QuickReplyService;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administration → Quick replies, as an administrator uses it; and a manager's own templates. */
class QuickRepliesViewTest extends BrowserlessViewTest {

    @Autowired
    QuickReplyService service;

    private QuickRepliesView view;

    @BeforeEach
    void administratorOpensQuickReplies() {
        signInAndOpenApp(staff.administrator("olena"));
        service.create(new QuickReplyDraft("Greeting", "Hello, {client_name}!", "hi", true, true));
        service.create(new QuickReplyDraft("Delivery", "We ship tomorrow", "ship", true, true));
        view = navigate(QuickRepliesView.class);
    }

    @Test
    void gridListsSharedTemplatesAndSearchFiltersThem() {
        assertThat(titles()).containsExactly("Delivery", "Greeting");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("/ship");
        assertThat(viewTitle()).isEqualTo("Quick replies");

        test(view.search).setValue("HELLO");

        assertThat(titles()).containsExactly("Greeting");
    }

    @Test
    void administratorCreatesATemplateThroughTheDialog() {
        test(view.create).click();
        QuickReplyDialog dialog = $(QuickReplyDialog.class).single();
        test(dialog.title).setValue("Thanks");
        test(dialog.body).setValue("Thank you, {client_name}! {manager_name}");
        test(dialog.shortcut).setValue("thx");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(lastNotification()).isEqualTo("Template Thanks created");
        assertThat(titles()).containsExactly("Delivery", "Greeting", "Thanks");
        QuickReply created = service.shared("thanks").getFirst();
        assertThat(created.shared()).isTrue();
        assertThat(created.shortcut()).isEqualTo("thx");
    }

    @Test
    void invalidInputKeepsTheDialogOpenWithAnExplanation() {
        test(view.create).click();
        QuickReplyDialog dialog = $(QuickReplyDialog.class).single();
        test(dialog.title).setValue("Another hello");
        test(dialog.body).setValue("Hi");
        test(dialog.shortcut).setValue("hi");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.shortcut.getErrorMessage())
                .isEqualTo("The shortcut /hi is already used by another template.");

        test(dialog.shortcut).setValue("two words");
        test(dialog.save).click();
        assertThat(dialog.shortcut.isInvalid()).isTrue();
        assertThat(dialog.shortcut.getErrorMessage()).startsWith("The shortcut is one word");
        assertThat(titles()).doesNotContain("Another hello");
    }

    @Test
    void administratorEditsAndDeactivatesThenDeletesATemplate() {
        test(view.grid).clickRow(titles().indexOf("Greeting"));
        QuickReplyDialog dialog = $(QuickReplyDialog.class).single();
        assertThat(dialog.body.getValue()).isEqualTo("Hello, {client_name}!");
        test(dialog.title).setValue("Greeting (old)");
        test(dialog.active).click();
        test(dialog.save).click();

        assertThat(titles()).containsExactly("Delivery", "Greeting (old)");
        assertThat(test(view.grid).getRow(1).active()).isFalse();
        assertThat(service.search("")).extracting(QuickReply::title).containsExactly("Delivery");

        test(view.grid).clickRow(1);
        QuickReplyDialog again = $(QuickReplyDialog.class).last();
        test(again.delete).click();
        assertThat(again.delete.getText()).isEqualTo("Delete the template Greeting (old)?");
        test(again.delete).click();

        assertThat(again.isOpened()).isFalse();
        assertThat(titles()).containsExactly("Delivery");
    }

    @Test
    void managerKeepsPersonalTemplatesThatOnlyHeSees() {
        signInAndOpenApp(staff.manager("anna"));
        MyQuickRepliesView mine = navigate(MyQuickRepliesView.class);
        assertThat(test(mine.grid).size()).isZero();

        test(mine.create).click();
        QuickReplyDialog dialog = $(QuickReplyDialog.class).single();
        test(dialog.title).setValue("Мій підпис");
        test(dialog.body).setValue("З повагою, {manager_name}");
        test(dialog.save).click();

        assertThat(test(mine.grid).size()).isEqualTo(1);
        assertThat(service.search(""))
                .extracting(QuickReply::title)
                .containsExactly("Delivery", "Greeting", "Мій підпис");
        assertThat(service.mine("")).extracting(QuickReply::shared).containsExactly(false);
    }

    private List<String> titles() {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size())
                .mapToObj(row -> grid.getRow(row).title())
                .toList();
    }
}
