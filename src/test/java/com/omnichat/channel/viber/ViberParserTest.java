package com.omnichat.channel.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.InboundEvent.StatusUpdate.Status;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Viber callbacks (the documented samples) read as the inbox needs them, without Spring or the API. */
class ViberParserTest {

    private final ViberConnector viber = new ViberConnector(null, null, new OmnichatProperties("", ""));
    private final ConnectedChannel bot = ChannelSamples.channel(ChannelType.VIBER, Map.of());

    @Test
    void aTextMessageIsAClientMessageByItsToken() throws Exception {
        ParsedEvent parsed = viber.parse(bot, ChannelSamples.bytes("viber_callback_message_text.json"));

        assertThat(parsed.key()).isEqualTo("message:4978563241957515056");
        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from().externalUserId()).isEqualTo("xWxFWBYHceVLi80yULnRkw==");
            assertThat(m.from().displayName()).isEqualTo("Idan Harel");
            assertThat(m.from().photoUrl())
                    .as("the avatar is fetched by the profile job, never hot-linked")
                    .isNull();
            assertThat(m.externalMessageId()).isEqualTo("4978563241957515056");
            assertThat(m.text()).isEqualTo("Hi");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1479039750092L));
        });
    }

    @Test
    void deliveredIsAStatusOfTheManagersMessage() throws Exception {
        ParsedEvent parsed = viber.parse(bot, ChannelSamples.bytes("viber_callback_delivered.json"));

        assertThat(parsed.key()).isEqualTo("delivered:4912661846655238145:01234567890A=");
        assertThat(parsed.events())
                .containsExactly(new InboundEvent.StatusUpdate("4912661846655238145", Status.DELIVERED, null));
    }

    @Test
    void subscribingChangesTheClientsState() throws Exception {
        ParsedEvent parsed = viber.parse(bot, ChannelSamples.bytes("viber_callback_subscribed.json"));

        assertThat(parsed.events())
                .containsExactly(new InboundEvent.ClientStateChange("01234567890A=", ClientState.SUBSCRIBED));
    }

    @Test
    void aPictureIsAnImageToDownload() throws Exception {
        ParsedEvent parsed = parse("""
                {"event": "message", "timestamp": 1479039750092, "message_token": 77,
                 "sender": {"id": "u1", "name": "Olena"},
                 "message": {"type": "picture", "media": "https://dl-media.viber.com/p.jpg", "size": 2048,
                             "text": "This one"}}""");

        var message = (InboundEvent.ClientMessage) parsed.events().getFirst();
        assertThat(message.text()).isEqualTo("This one");
        assertThat(message.media()).singleElement().satisfies(picture -> {
            assertThat(picture.reference()).isEqualTo("https://dl-media.viber.com/p.jpg");
            assertThat(picture.size()).isEqualTo(2048L);
            assertThat(picture.image()).isTrue();
        });
    }

    @Test
    void conversationStartedAnswersWithTheWelcomeMessageAndStoresNothing() throws Exception {
        var withWelcome = ChannelSamples.channel(ChannelType.VIBER, Map.of(ViberConnector.WELCOME, "Вітаємо!"));
        String started = """
                {"event": "conversation_started", "timestamp": 1457764197627, "message_token": 5,
                 "user": {"id": "u1", "name": "Olena"}}""";

        ParsedEvent parsed = viber.parse(withWelcome, started.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.reply()).contains("\"text\":\"Вітаємо!\"", "\"type\":\"text\"");
        assertThat(parse(started).reply()).as("no welcome text set").isNull();
    }

    @Test
    void whatIsNoViberCallbackIsRefused() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(UnparseableEventException.class);
        assertThatThrownBy(() -> parse("{\"event\": \"message\", \"message\": {\"type\": \"text\"}}"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("message_token");
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return viber.parse(bot, json.getBytes(StandardCharsets.UTF_8));
    }
}
