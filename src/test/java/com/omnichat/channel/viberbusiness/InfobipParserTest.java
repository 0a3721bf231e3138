package com.omnichat.channel.viberbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.InboundEvent.StatusUpdate.Status;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Infobip's Viber Business notifications (inbound messages, seen and delivery reports, in the
 * shapes of Infobip's documentation) read without Spring: parsing never calls Infobip.
 */
class InfobipParserTest {

    private final InfobipAggregator infobip = new InfobipAggregator(
            null,
            null,
            new ChannelProperties(
                    true,
                    0,
                    0,
                    null,
                    null,
                    new ChannelProperties.Infobip("infobip.com,*.infobip.com"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
    private final ConnectedChannel number = ChannelSamples.channel(ChannelType.VIBER_BUSINESS, Map.of());

    @Test
    void anInboundTextIsAClientMessageFromHisPhoneNumber() throws Exception {
        ParsedEvent parsed = parse("""
                {"results":[{"sender":"380671234567","to":"FlowerShop","integrationType":"VIBER",
                 "receivedAt":"2026-12-04T11:02:43.594+0000","messageId":"1234567890123456789",
                 "message":{"text":"Дякую, заберу завтра","type":"TEXT"},
                 "price":{"pricePerMessage":0,"currency":"EUR"}}],"messageCount":1,"pendingMessageCount":0}""");

        assertThat(parsed.key()).isEqualTo("in:1234567890123456789");
        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from().externalUserId()).isEqualTo("380671234567");
            assertThat(m.from().displayName()).as("no contact name: the number").isEqualTo("+380671234567");
            assertThat(m.text()).isEqualTo("Дякую, заберу завтра");
            assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-12-04T11:02:43.594Z"));
        });
    }

    @Test
    void aFileIsMediaToDownloadUnderItsOwnName() throws Exception {
        ParsedEvent parsed = parse("""
                {"results":[{"sender":"380501112233","receivedAt":"2026-12-04T11:02:43.594+0000",
                 "messageId":"9876543210",
                 "message":{"url":"https://api.infobip.com/media/invoice.pdf","fileName":"invoice.pdf",
                            "type":"FILE"}}]}""");

        var message = (InboundEvent.ClientMessage) parsed.events().getFirst();
        assertThat(message.media()).singleElement().satisfies(file -> {
            assertThat(file.reference()).isEqualTo("https://api.infobip.com/media/invoice.pdf");
            assertThat(file.fileName()).isEqualTo("invoice.pdf");
            assertThat(file.image()).isFalse();
        });
    }

    @Test
    void seenAndDeliveredReportsAreStatusesOfTheManagersMessage() throws Exception {
        ParsedEvent seen = parse("""
                {"results":[{"messageId":"omnichat-7-0","from":"FlowerShop","to":"380671234567",
                 "sentAt":"2026-12-04T11:21:57.793+0000","seenAt":"2026-12-04T11:22:10.251+0000"}]}""");
        ParsedEvent delivered = parse(report("omnichat-7-0", "DELIVERED", "null"));

        assertThat(seen.events()).containsExactly(new InboundEvent.StatusUpdate("omnichat-7-0", Status.READ, null));
        assertThat(delivered.key()).isEqualTo("dlr:omnichat-7-0:DELIVERED");
        assertThat(delivered.events())
                .containsExactly(new InboundEvent.StatusUpdate("omnichat-7-0", Status.DELIVERED, null));
    }

    @Test
    void anUndeliverableReportFailsTheMessageWithInfobipsReason() throws Exception {
        ParsedEvent parsed = parse(report("omnichat-8-0", "UNDELIVERABLE", """
                {"groupId":1,"groupName":"HANDSET_ERRORS","id":7009,"name":"EC_NOT_VIBER_USER",
                 "description":"Not a Viber user","permanent":true}"""));

        assertThat(parsed.events())
                .containsExactly(new InboundEvent.StatusUpdate(
                        "omnichat-8-0",
                        Status.FAILED,
                        "Message sent not delivered: Not a Viber user (EC_NOT_VIBER_USER)"));
    }

    @Test
    void aPendingReportHasNothingToShowYet() throws Exception {
        assertThat(parse(report("omnichat-9-0", "PENDING", "null")).events()).isEmpty();
    }

    @Test
    void whatIsNoInfobipNotificationIsRefused() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(UnparseableEventException.class);
        assertThatThrownBy(() -> parse("{\"hello\": 1}")).isInstanceOf(UnparseableEventException.class);
        assertThatThrownBy(() -> parse("{\"results\": [{\"message\": {\"text\": \"hi\"}}]}"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("messageId");
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return infobip.parse(number, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String report(String messageId, String group, String errorJson) {
        return """
                {"results":[{"bulkId":"b1","status":{"groupId":3,"groupName":"%s","id":5,
                 "name":"%s_NOT_DELIVERED","description":"Message sent not delivered"},
                 "error":%s,"messageId":"%s","to":"380671234567","sender":"FlowerShop",
                 "sentAt":"2026-12-04T10:52:15.457+0000","doneAt":"2026-12-04T10:52:15.799+0000"}]}""".formatted(group, group, errorJson, messageId);
    }
}
