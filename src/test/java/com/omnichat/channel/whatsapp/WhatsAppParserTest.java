package com.omnichat.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.OmnichatProperties;
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

/** WhatsApp Cloud API webhooks (Meta's samples) read without Spring or the Graph API. */
class WhatsAppParserTest {

    private static final String NUMBER = "10634295353625";

    private final WhatsAppConnector whatsapp = new WhatsAppConnector(null, null, new OmnichatProperties("", ""));
    private final ConnectedChannel channel =
            ChannelSamples.channel(ChannelType.WHATSAPP, Map.of(WhatsAppConnector.PHONE_NUMBER_ID, NUMBER));

    @Test
    void theSampleTextIsAClientMessageFromAVerifiedNumberNamedByHisProfile() throws Exception {
        ParsedEvent parsed = whatsapp.parse(channel, ChannelSamples.bytes("whatsapp_webhook_text.json"));

        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from().externalUserId()).isEqualTo("491234567890");
            assertThat(m.from().displayName()).isEqualTo("TestUser");
            assertThat(m.from().verifiedPhone()).isEqualTo("+491234567890");
            assertThat(m.text()).isEqualTo("Test");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1653253313));
        });
    }

    @Test
    void sentIsWhatTheSendCallToldAlreadyDeliveredAndReadAreStatuses() throws Exception {
        ParsedEvent sent = whatsapp.parse(channel, ChannelSamples.bytes("whatsapp_webhook_status_sent.json"));

        assertThat(sent.events()).isEmpty();
        assertThat(parse(status("delivered")).events())
                .containsExactly(new InboundEvent.StatusUpdate("wamid.ID", Status.DELIVERED, null));
        assertThat(parse(status("read")).events())
                .containsExactly(new InboundEvent.StatusUpdate("wamid.ID", Status.READ, null));
    }

    @Test
    void anotherNumberOfTheSameAppIsNotThisChannels() throws Exception {
        var other = ChannelSamples.channel(ChannelType.WHATSAPP, Map.of(WhatsAppConnector.PHONE_NUMBER_ID, "999"));

        assertThat(whatsapp.parse(other, ChannelSamples.bytes("whatsapp_webhook_text.json"))
                        .events())
                .isEmpty();
    }

    @Test
    void anImageIsMediaToDownloadWithItsCaption() throws Exception {
        ParsedEvent parsed = parse(messages("""
                {"from": "380671234567", "id": "wamid.img", "timestamp": "1653253313", "type": "image",
                 "image": {"id": "media-1", "mime_type": "image/jpeg", "caption": "This bouquet"}}"""));

        var message = (InboundEvent.ClientMessage) parsed.events().getFirst();
        assertThat(message.text()).isEqualTo("This bouquet");
        assertThat(message.media()).singleElement().satisfies(image -> {
            assertThat(image.reference()).isEqualTo("wa-media:media-1");
            assertThat(image.contentType()).isEqualTo("image/jpeg");
            assertThat(image.image()).isTrue();
        });
    }

    @Test
    void aReactionIsAReactionAndAnEmptyOneTakesItBack() throws Exception {
        assertThat(parse(messages(reaction("👍"))).events())
                .containsExactly(new InboundEvent.Reaction("wamid.mine", "👍", false));
        assertThat(parse(messages(reaction(""))).events())
                .containsExactly(new InboundEvent.Reaction("wamid.mine", null, true));
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return whatsapp.parse(channel, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String reaction(String emoji) {
        return """
                {"from": "380671234567", "id": "wamid.r", "timestamp": "1653253313", "type": "reaction",
                 "reaction": {"message_id": "wamid.mine", "emoji": "%s"}}""".formatted(emoji);
    }

    private static String messages(String message) {
        return value("\"messages\": [" + message + "]");
    }

    private static String status(String status) {
        return value("\"statuses\": [{\"id\": \"wamid.ID\", \"recipient_id\": \"380671234567\", \"status\": \"" + status
                + "\", \"timestamp\": \"1653253313\"}]");
    }

    private static String value(String content) {
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "101809759215303", "changes": [
                 {"field": "messages", "value": {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "1234567891", "phone_number_id": "%s"}, %s}}]}]}""".formatted(NUMBER, content);
    }
}
