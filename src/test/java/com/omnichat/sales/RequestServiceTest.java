package com.omnichat.sales;

import static com.omnichat.sales.SalesFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests on PostgreSQL: the pipeline, active requests, the section's filters, edits, merging. */
@IntegrationTest
class RequestServiceTest {

    @Autowired
    RequestService requests;

    @Autowired
    OrderService orders;

    @Autowired
    InboxService inbox;

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    @Autowired
    SalesFixtures sales;

    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    long chat;
    long lead;

    @BeforeEach
    void annaChatsWithALead() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        chat = fixtures.newChat(telegram, "Taras Melnyk");
        lead = sales.clientOf(chat);
        staff.signInAs(anna);
    }

    @Test
    void thePipelineStartsWithNewAndEndsWithWonOrLost() {
        assertThat(requests.stages())
                .extracting(RequestStage::code)
                .containsExactly("new", "in-progress", "won", "lost");
        assertThat(requests.stages())
                .filteredOn(RequestStage::active)
                .extracting(RequestStage::code)
                .containsExactly("new", "in-progress");
    }

    @Test
    void aLeadGetsARequestFromTheChatAndTheChatNotesIt() {
        SalesRequest created = requests.create(
                lead,
                chat,
                new RequestDraft(
                        "  Wedding bouquet ", null, new BigDecimal("1500.5"), anna.id(), "Call after 18:00", null));

        assertThat(created.title()).isEqualTo("Wedding bouquet");
        assertThat(created.stage().code()).isEqualTo("new");
        assertThat(created.amount()).isEqualByComparingTo("1500.50");
        assertThat(created.responsibleName()).isEqualTo("Anna Tester");
        assertThat(created.channelId()).isEqualTo(telegram.id());
        assertThat(created.clientName()).isEqualTo("Taras Melnyk");
        MessageView note = inbox.history(chat, null, 10).getLast();
        assertThat(note.systemCode()).isEqualTo("request-created");
        assertThat(note.systemArgs()).containsExactly("Anna Tester", String.valueOf(created.number()));
        assertThat(requests.create(lead, chat, request("Second", null)).number())
                .isEqualTo(created.number() + 1);
    }

    @Test
    void aNewShopsFirstRequestIsNumberOneAndItsFirstOrderNumber1001() {
        // As on a fresh installation: the numbers start where the migration says (ids are never reused).
        jdbc.sql("alter sequence request_number_seq restart").update();
        jdbc.sql("alter sequence order_number_seq restart").update();
        long buyer = sales.makeBuyer(lead);

        assertThat(requests.create(lead, chat, request("Wedding", null)).number())
                .isEqualTo(1);
        assertThat(requests.create(lead, chat, request("Birthday", null)).number())
                .isEqualTo(2);
        assertThat(orders.create(buyer, chat, SalesFixtures.order(SalesFixtures.line("Peonies", "1", "450")))
                        .number())
                .isEqualTo(1001);
        assertThat(orders.create(buyer, chat, SalesFixtures.order(SalesFixtures.line("Roses", "1", "900")))
                        .number())
                .isEqualTo(1002);
    }

    @Test
    void aShopsOwnStagesJoinThePipelineInTheirPlaceWithTheirNames() {
        requests.stages(); // the built-in stages, as the migration installs them (the test emptied the table)
        jdbc.sql("""
                insert into request_stage (code, name, position, outcome) values
                    ('consultation', 'Consultation booked', 15, 'OPEN'),
                    ('paid-elsewhere', 'Paid at the shop', 95, 'WON')""").update();

        assertThat(requests.stages())
                .extracting(RequestStage::code)
                .containsExactly("new", "consultation", "in-progress", "won", "paid-elsewhere", "lost");
        assertThat(stage("consultation").name()).isEqualTo("Consultation booked");
        SalesRequest consulting = move(requests.create(lead, chat, request("Wedding", null)), "consultation");
        SalesRequest paid = move(requests.create(lead, chat, request("Birthday", null)), "paid-elsewhere");

        assertThat(consulting.stage().name()).isEqualTo("Consultation booked");
        assertThat(consulting.active()).as("an OPEN stage").isTrue();
        assertThat(paid.active()).as("a WON stage").isFalse();
        assertThat(requests.activeOf(lead)).extracting(SalesRequest::title).containsExactly("Wedding");
        assertThat(titles(new RequestFilter(false, stage("consultation").id(), null, null)))
                .containsExactly("Wedding");
    }

    @Test
    void wonAndLostRequestsLeaveTheActiveList() {
        SalesRequest wedding = requests.create(lead, chat, request("Wedding", "5000"));
        SalesRequest birthday = requests.create(lead, chat, request("Birthday", null));
        SalesRequest funeral = requests.create(lead, chat, request("Wreath", "800"));
        move(wedding, "won");
        move(funeral, "lost");
        SalesRequest working = move(birthday, "in-progress");

        assertThat(working.active()).isTrue();
        assertThat(requests.activeOf(lead)).extracting(SalesRequest::title).containsExactly("Birthday");
        assertThat(titles(new RequestFilter(true, null, null, null))).containsExactly("Birthday");
        assertThat(titles(new RequestFilter(false, stage("won").id(), null, null)))
                .containsExactly("Wedding");
        assertThat(titles(RequestFilter.all())).containsExactly("Wreath", "Birthday", "Wedding");
    }

    @Test
    void theRequestsSectionSearchesTitleClientAndNumberAndFiltersByManager() {
        SalesRequest wedding =
                requests.create(lead, chat, new RequestDraft("Весільний букет", null, null, max.id(), null, null));
        long emmaChat = fixtures.newChat(telegram, "Emma Wilson");
        requests.create(sales.clientOf(emmaChat), emmaChat, request("Roses to Lviv", null));

        assertThat(titles(new RequestFilter(false, null, null, "ВЕСІЛЬ"))).containsExactly("Весільний букет");
        assertThat(titles(new RequestFilter(false, null, null, "emma"))).containsExactly("Roses to Lviv");
        assertThat(titles(new RequestFilter(false, null, null, String.valueOf(wedding.number()))))
                .containsExactly("Весільний букет");
        assertThat(titles(new RequestFilter(false, null, max.id(), null))).containsExactly("Весільний букет");
        assertThat(requests.count(new RequestFilter(false, null, null, "lviv"))).isEqualTo(1);
    }

    @Test
    void likeWildcardsInTheSearchAreLookedForAsTheyAre() {
        requests.create(lead, chat, request("Roses 1000 Kyiv", null));
        requests.create(lead, chat, request("Sale 100%_ off", null));

        assertThat(titles(new RequestFilter(false, null, null, "100%_")))
                .as("only the literal text")
                .containsExactly("Sale 100%_ off");
    }

    @Test
    void badInputIsRefusedWithAClearReason() {
        assertRefused(request(" ", null), "request.error.title-required");
        assertRefused(request("x".repeat(201), null), "request.error.title-too-long [200]");
        assertRefused(request("Wedding", "-1"), "request.error.amount-negative");
        assertRefused(request("Wedding", "1.001"), "sales.error.money-format");
        assertRefused(new RequestDraft("Wedding", 424242L, null, null, null, null), "request.error.stage");
        staff.deactivateInDatabase(max);
        assertRefused(
                new RequestDraft("Wedding", null, null, max.id(), null, null), "sales.error.responsible-inactive");
        assertThat(fixtures.countRows("sales_request")).isZero();
    }

    @Test
    void theSecondOfTwoManagersEditingTheSameRequestIsToldInsteadOfOverwriting() {
        SalesRequest wedding = requests.create(lead, chat, request("Wedding", "5000"));
        staff.signInAs(max);
        requests.update(wedding.id(), request("Wedding, 120 guests", "9000"), wedding.version());
        staff.signInAs(anna);

        assertThatThrownBy(() -> requests.update(wedding.id(), request("Wedding (small)", "3000"), wedding.version()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("request.error.changed [" + wedding.number() + "]");
        assertThat(requests.get(wedding.id()).title()).isEqualTo("Wedding, 120 guests");
    }

    @Test
    void whenTheLeadIsLinkedToABuyerHisRequestsFollow() {
        SalesRequest wedding = requests.create(lead, chat, request("Wedding", "5000"));
        long buyerChat = fixtures.newChat(telegram, "Taras M. (buyer)");
        long buyer = sales.makeBuyer(sales.clientOf(buyerChat));

        cards.linkToBuyer(lead, clients.summary(lead).version(), buyer, chat);

        assertThat(requests.get(wedding.id()).clientId()).isEqualTo(buyer);
        assertThat(requests.activeOf(buyer)).extracting(SalesRequest::title).containsExactly("Wedding");
        assertThat(jdbc.sql("select count(*) from sales_request where client_id = ?")
                        .param(lead)
                        .query(Integer.class)
                        .single())
                .as("none left with the lead, who is gone")
                .isZero();
    }

    @Test
    void thePipelineComesBackIfItsTableWasEmptied() {
        jdbc.sql("truncate request_stage cascade").update();

        assertThat(requests.create(lead, chat, request("Wedding", null)).stage().code())
                .isEqualTo("new");
    }

    private SalesRequest move(SalesRequest request, String stageCode) {
        return requests.update(
                request.id(),
                new RequestDraft(
                        request.title(),
                        stage(stageCode).id(),
                        request.amount(),
                        request.responsibleId(),
                        request.comment(),
                        request.channelId()),
                request.version());
    }

    private RequestStage stage(String code) {
        return requests.stages().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private List<String> titles(RequestFilter filter) {
        return requests.list(filter, 0, 50).stream().map(SalesRequest::title).toList();
    }

    private void assertRefused(RequestDraft draft, String message) {
        assertThatThrownBy(() -> requests.create(lead, chat, draft))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(message);
    }
}
