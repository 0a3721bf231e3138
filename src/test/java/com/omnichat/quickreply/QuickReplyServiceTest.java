package com.omnichat.quickreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Quick replies on PostgreSQL: who sees and edits which template, search, usage, variables, validation. */
@IntegrationTest
class QuickReplyServiceTest {

    @Autowired
    QuickReplyService service;

    @Autowired
    StaffFixtures staff;

    private StaffMember olena;
    private StaffMember anna;
    private StaffMember max;

    @BeforeEach
    void people() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
    }

    @Test
    void sharedTemplatesAreSeenByEveryoneAndPersonalOnesByTheirOwnerOnly() {
        staff.signInAs(olena);
        service.create(shared("Greeting", "Hello, {client_name}!", "hi"));
        service.create(new QuickReplyDraft("Old promo", "Gone", null, false, true));
        staff.signInAs(anna);
        service.create(personal("Anna's thanks", "Thanks from Anna", "thx"));

        assertThat(titles(service.search(""))).containsExactly("Anna's thanks", "Greeting");
        staff.signInAs(max);
        assertThat(titles(service.search(""))).containsExactly("Greeting");
        assertThat(service.mine("")).isEmpty();
        staff.signInAs(olena);
        assertThat(titles(service.shared(""))).containsExactly("Greeting", "Old promo");
    }

    @Test
    void onlyAdministratorsCreateEditOrDeleteSharedTemplates() {
        staff.signInAs(olena);
        QuickReply greeting = service.create(shared("Greeting", "Hello!", null));
        staff.signInAs(anna);

        assertThatThrownBy(() -> service.create(shared("Mine for all", "x", null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("quickreply.error.shared-admin-only");
        assertThatThrownBy(() -> service.update(greeting.id(), shared("Changed", "x", null), greeting.version()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("quickreply.error.shared-admin-only");
        assertThatThrownBy(() -> service.delete(greeting.id()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("quickreply.error.shared-admin-only");
        assertThatThrownBy(() -> service.shared("")).isInstanceOf(AccessDeniedException.class);

        staff.signInAs(olena);
        QuickReply changed =
                service.update(greeting.id(), shared("Greeting v2", "Hello again!", "hello"), greeting.version());
        assertThat(changed.title()).isEqualTo("Greeting v2");
        assertThat(changed.shortcut()).isEqualTo("hello");
        service.delete(greeting.id());
        assertThat(service.shared("")).isEmpty();
    }

    @Test
    void managerCannotSeeEditOrUseSomeoneElsesPersonalTemplate() {
        staff.signInAs(anna);
        QuickReply annas = service.create(personal("Anna's", "Only mine", null));
        staff.signInAs(max);

        assertThatThrownBy(() -> service.update(annas.id(), personal("Max's now", "x", null), annas.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(annas.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.markUsed(annas.id())).isInstanceOf(NotFoundException.class);
        staff.signInAs(olena);
        assertThatThrownBy(() -> service.delete(annas.id())).isInstanceOf(NotFoundException.class);
        staff.signInAs(anna);
        assertThat(titles(service.mine(""))).containsExactly("Anna's");
    }

    @Test
    void searchLooksAtTitleTextAndShortcutIgnoringCaseAlsoInCyrillic() {
        staff.signInAs(olena);
        service.create(shared("Доставка", "Відправимо Новою Поштою завтра", "nova"));
        service.create(shared("Payment", "We accept cards and cash", "pay"));
        service.create(shared("Returns", "Return within 14 days", null));

        assertThat(titles(service.search("ДОСТАВ"))).containsExactly("Доставка");
        assertThat(titles(service.search("новою пошт"))).containsExactly("Доставка");
        assertThat(titles(service.search("CASH"))).containsExactly("Payment");
        assertThat(titles(service.search("pay"))).containsExactly("Payment");
        assertThat(titles(service.search("zzz"))).isEmpty();
        assertThat(titles(service.byShortcut("/no"))).containsExactly("Доставка");
        assertThat(titles(service.byShortcut("ret"))).containsExactly("Returns");
    }

    @Test
    void mostUsedComeFirstThenByTitle() {
        staff.signInAs(olena);
        QuickReply b = service.create(shared("B template", "b", null));
        service.create(shared("A template", "a", null));
        QuickReply c = service.create(shared("C template", "c", null));
        staff.signInAs(anna);

        assertThat(titles(service.search(""))).containsExactly("A template", "B template", "C template");
        service.markUsed(c.id());
        service.markUsed(c.id());
        service.markUsed(b.id());

        assertThat(titles(service.search(""))).containsExactly("C template", "B template", "A template");
        assertThat(service.search("").getFirst().usageCount()).isEqualTo(2);
    }

    @Test
    void variablesAreFilledAndUnknownOrMissingOnesStayVisible() {
        String text = "Hi {client_name}, {manager_name} here. Order {order_number}. {coupon} {client_name}";

        assertThat(QuickReplyService.fill(text, new Variables("Olena Bondar", "Anna Shevchenko", "A-1042")))
                .isEqualTo("Hi Olena Bondar, Anna Shevchenko here. Order A-1042. {coupon} Olena Bondar");
        assertThat(QuickReplyService.fill(text, new Variables("Олена", "Анна", null)))
                .isEqualTo("Hi Олена, Анна here. Order {order_number}. {coupon} Олена");
    }

    @Test
    void validationExplainsWhatIsWrong() {
        staff.signInAs(anna);
        service.create(personal("Thanks", "Thank you!", "thx"));

        assertError(() -> service.create(personal(" ", "text", null)), "quickreply.error.title-required");
        assertError(() -> service.create(personal("Title", "  ", null)), "quickreply.error.body-required");
        assertError(() -> service.create(personal("x".repeat(101), "text", null)), "quickreply.error.title-too-long");
        assertError(() -> service.create(personal("Title", "x".repeat(4097), null)), "quickreply.error.body-too-long");
        assertError(() -> service.create(personal("Title", "text", "two words")), "quickreply.error.shortcut-format");
        assertError(() -> service.create(personal("Title", "text", "привіт")), "quickreply.error.shortcut-format");
        assertError(() -> service.create(personal("Again", "text", "/THX")), "quickreply.error.shortcut-taken");

        // A shortcut unique among what the user sees: Max may use "thx" for himself, nobody a shared one's.
        staff.signInAs(max);
        assertThat(service.create(personal("Max thanks", "Cheers", "thx")).shortcut())
                .isEqualTo("thx");
        staff.signInAs(olena);
        service.create(shared("Hello", "Hello!", "hello"));
        staff.signInAs(anna);
        assertError(() -> service.create(personal("My hello", "Hi", "hello")), "quickreply.error.shortcut-taken");
    }

    @Test
    void staleEditIsRefused() {
        staff.signInAs(anna);
        QuickReply t = service.create(personal("Thanks", "Thank you!", null));
        service.update(t.id(), personal("Thanks!", "Thank you!", null), t.version());

        assertError(
                () -> service.update(t.id(), personal("Old", "Old", null), t.version()), "quickreply.error.changed");
    }

    private static void assertError(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static QuickReplyDraft shared(String title, String body, String shortcut) {
        return new QuickReplyDraft(title, body, shortcut, true, true);
    }

    private static QuickReplyDraft personal(String title, String body, String shortcut) {
        return new QuickReplyDraft(title, body, shortcut, true, false);
    }

    private static List<String> titles(List<QuickReply> list) {
        return list.stream().map(QuickReply::title).toList();
    }
}
