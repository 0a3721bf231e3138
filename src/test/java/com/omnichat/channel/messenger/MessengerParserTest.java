package com.omnichat.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.InboundEvent.StatusUpdate.Status;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messenger webhooks (Meta's sample and its documented item kinds) read without Spring or the Graph API. */
class MessengerParserTest {

    private final MessengerConnector messenger = new MessengerConnector(null, null);
    private final ConnectedChannel page = ChannelSamples.channel(ChannelType.FACEBOOK, Map.of());

    @Test
    void theSampleTextIsAClientMessageWithNumericIdsReadAsText() throws Exception {
        ParsedEvent parsed = messenger.parse(page, ChannelSamples.bytes("messenger_webhook_text.json"));

        assertThat(parsed.key())
                .as("the body's hash: a redelivered batch is stored once")
                .startsWith("meta:");
        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from().externalUserId()).isEqualTo("987654321432");
            assertThat(m.externalMessageId()).isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
            assertThat(m.text()).isEqualTo("hello, world!");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1457764197627L));
        });
    }

    @Test
    void anEchoOfTheShopsOwnAppIsTheManagersMessageToTheClient() throws Exception {
        ParsedEvent parsed = parse(item("""
                {"sender": {"id": "PAGE"}, "recipient": {"id": "5678"}, "timestamp": 1459991487970,
                 "message": {"mid": "m.echo", "is_echo": true, "text": "Sent from the Page inbox"}}"""));

        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.Echo.class, echo -> {
            assertThat(echo.to().externalUserId()).isEqualTo("5678");
            assertThat(echo.text()).isEqualTo("Sent from the Page inbox");
            assertThat(echo.app()).isEqualTo("Messenger");
        });
    }

    @Test
    void deliveriesReadsAndButtonPressesAreWhatTheyMean() throws Exception {
        ParsedEvent delivery = parse(item("""
                {"sender": {"id": "5678"}, "recipient": {"id": "PAGE"}, "timestamp": 1459991487970,
                 "delivery": {"mids": ["m.1"]}}"""));
        ParsedEvent read = parse(item("""
                {"sender": {"id": "5678"}, "recipient": {"id": "PAGE"}, "timestamp": 1459991487970,
                 "read": {"watermark": 1459991487000}}"""));
        ParsedEvent button = parse(item("""
                {"sender": {"id": "5678"}, "recipient": {"id": "PAGE"}, "timestamp": 1459991487970,
                 "postback": {"mid": "m.2", "title": "Red roses", "payload": "ROSES"}}"""));

        assertThat(delivery.events()).containsExactly(new InboundEvent.StatusUpdate("m.1", Status.DELIVERED, null));
        assertThat(read.events())
                .containsExactly(
                        new InboundEvent.Watermark("5678", Status.READ, Instant.ofEpochMilli(1459991487000L), null));
        assertThat(button.events()).singleElement().isInstanceOfSatisfying(InboundEvent.OriginMessage.class, o -> {
            assertThat(o.message().text()).isEqualTo("Red roses");
            assertThat(o.origin().kind()).isEqualTo(MessageOrigin.Kind.CHOICE);
        });
    }

    @Test
    void aWebhookForAnotherObjectOrWithoutEntriesIsRefused() {
        assertThatThrownBy(() -> parse("{\"object\": \"instagram\", \"entry\": []}"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("expected page");
        assertThatThrownBy(() -> parse("{\"object\": \"page\"}")).isInstanceOf(UnparseableEventException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(UnparseableEventException.class);
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return messenger.parse(page, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String item(String messaging) {
        return "{\"object\": \"page\", \"entry\": [{\"id\": \"PAGE\", \"time\": 1459991487970, \"messaging\": ["
                + messaging + "]}]}";
    }
}
