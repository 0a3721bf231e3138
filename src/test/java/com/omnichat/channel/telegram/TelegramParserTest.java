package com.omnichat.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telegram updates read as the inbox needs them, without Spring: parsing never calls the Bot API. */
class TelegramParserTest {

    private final TelegramConnector telegram = new TelegramConnector(null);
    private final ConnectedChannel bot = ChannelSamples.channel(ChannelType.TELEGRAM, Map.of());

    @Test
    void theDocumentedTextUpdateIsAClientMessageKeyedByItsUpdateId() throws Exception {
        ParsedEvent parsed = telegram.parse(bot, ChannelSamples.bytes("telegram_update_text.json"));

        assertThat(parsed.key()).isEqualTo("update:10000");
        assertThat(parsed.reply()).isNull();
        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from())
                    .isEqualTo(new ClientProfile("1111111", "Test Firstname Test Lastname", "Testusername", null));
            assertThat(m.externalMessageId())
                    .as("chat and message id: unique per bot")
                    .isEqualTo("1111111:1365");
            assertThat(m.text()).isEqualTo("/start");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1441645532));
            assertThat(m.media()).isEmpty();
            assertThat(m.replyToExternalId()).isNull();
        });
    }

    @Test
    void theLargestPhotoIsTheImageAndTheCaptionTheText() throws Exception {
        ParsedEvent parsed = parse("""
                {"update_id": 7, "message": {"message_id": 5, "date": 1700000000,
                  "chat": {"id": 42, "type": "private", "first_name": "Olena"},
                  "photo": [{"file_id": "small", "file_size": 100}, {"file_id": "large", "file_size": 9000}],
                  "caption": "These peonies?"}}""");

        var message = (InboundEvent.ClientMessage) parsed.events().getFirst();
        assertThat(message.text()).isEqualTo("These peonies?");
        assertThat(message.media()).singleElement().satisfies(photo -> {
            assertThat(photo.reference()).isEqualTo("large");
            assertThat(photo.size()).isEqualTo(9000L);
            assertThat(photo.image()).isTrue();
        });
    }

    @Test
    void aReplyNamesTheOriginalAndQuotesIt() throws Exception {
        ParsedEvent parsed = parse("""
                {"update_id": 8, "message": {"message_id": 6, "date": 1700000000,
                  "chat": {"id": 42, "type": "private", "first_name": "Olena"}, "text": "Yes, these",
                  "reply_to_message": {"message_id": 3, "from": {"first_name": "Flower", "last_name": "Shop"},
                    "text": "We have red and white"}}}""");

        var message = (InboundEvent.ClientMessage) parsed.events().getFirst();
        assertThat(message.replyToExternalId()).isEqualTo("42:3");
        assertThat(message.quote().authorName()).isEqualTo("Flower Shop");
        assertThat(message.quote().text()).isEqualTo("We have red and white");
    }

    @Test
    void anEditedMessageChangesTheStoredText() throws Exception {
        ParsedEvent parsed = parse("""
                {"update_id": 9, "edited_message": {"message_id": 6, "date": 1700000000, "edit_date": 1700000060,
                  "chat": {"id": 42, "type": "private"}, "text": "Yes, the white ones"}}""");

        assertThat(parsed.events()).containsExactly(new InboundEvent.MessageEdited("42:6", "Yes, the white ones"));
    }

    @Test
    void blockingAndUnblockingTheBotChangeTheClientsState() throws Exception {
        assertThat(parse(member(10, "kicked")).events())
                .containsExactly(new InboundEvent.ClientStateChange("42", ClientState.BLOCKED));
        assertThat(parse(member(11, "member")).events())
                .containsExactly(new InboundEvent.ClientStateChange("42", ClientState.UNBLOCKED));
    }

    @Test
    void groupMessagesAndUpdatesNotAskedForAreAcknowledgedWithNothingToStore() throws Exception {
        ParsedEvent group = parse("""
                {"update_id": 12, "message": {"message_id": 1, "date": 1700000000,
                  "chat": {"id": -100, "type": "group"}, "text": "hi all"}}""");
        ParsedEvent poll = parse("{\"update_id\": 13, \"poll\": {\"id\": \"p\"}}");

        assertThat(group.key()).isEqualTo("update:12");
        assertThat(group.events()).isEmpty();
        assertThat(poll.events()).isEmpty();
    }

    @Test
    void whatIsNoTelegramUpdateIsRefused() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(UnparseableEventException.class);
        assertThatThrownBy(() -> parse("{\"message\": {}}"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("update_id");
        assertThatThrownBy(() -> parse("{\"update_id\": 14, \"message\": {\"chat\": {\"type\": \"private\"}}}"))
                .isInstanceOf(UnparseableEventException.class);
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return telegram.parse(bot, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String member(int updateId, String status) {
        return """
                {"update_id": %d, "my_chat_member": {"chat": {"id": 42, "type": "private"},
                  "from": {"id": 42}, "date": 1700000000,
                  "old_chat_member": {"status": "member"}, "new_chat_member": {"status": "%s"}}}""".formatted(updateId, status);
    }
}
