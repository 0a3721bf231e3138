package com.omnichat.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instagram direct messages read without Spring or the Graph API. Comments need the posts the
 * channel knows (the database), so they are shown in {@code InstagramTest}.
 */
class InstagramParserTest {

    private final InstagramConnector instagram = new InstagramConnector(null, null, null);
    private final ConnectedChannel account = ChannelSamples.channel(ChannelType.INSTAGRAM, Map.of());

    @Test
    void theSampleDirectMessageIsAClientMessage() throws Exception {
        ParsedEvent parsed = instagram.parse(account, ChannelSamples.bytes("instagram_webhook_dm_text.json"));

        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.ClientMessage.class, m -> {
            assertThat(m.from().externalUserId()).isEqualTo("5678");
            assertThat(m.externalMessageId()).isEqualTo("external_id");
            assertThat(m.text()).isEqualTo("Hello World");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1459991487970L));
        });
    }

    @Test
    void aStoryReplyIsMarkedWithTheStory() throws Exception {
        ParsedEvent parsed = parse(direct("""
                {"mid": "m.story", "text": "Love it!",
                 "reply_to": {"story": {"url": "https://lookaside.fbsbx.com/story/1", "id": "s1"}}}"""));

        assertThat(parsed.events()).singleElement().isInstanceOfSatisfying(InboundEvent.OriginMessage.class, o -> {
            assertThat(o.message().text()).isEqualTo("Love it!");
            assertThat(o.origin().kind()).isEqualTo(MessageOrigin.Kind.STORY_REPLY);
        });
    }

    @Test
    void aSharedPostIsMarkedAsAShareAndAnUnsupportedMessageAsUnsupported() throws Exception {
        ParsedEvent share = parse(direct("""
                {"mid": "m.share", "attachments": [{"type": "share",
                 "payload": {"url": "https://www.instagram.com/p/abc", "title": "Spring bouquet"}}]}"""));
        ParsedEvent unsupported = parse(direct("{\"mid\": \"m.new\", \"is_unsupported\": true}"));

        assertThat(((InboundEvent.OriginMessage) share.events().getFirst())
                        .origin()
                        .kind())
                .isEqualTo(MessageOrigin.Kind.SHARE);
        assertThat(((InboundEvent.OriginMessage) unsupported.events().getFirst())
                        .origin()
                        .kind())
                .isEqualTo(MessageOrigin.Kind.UNSUPPORTED);
    }

    private ParsedEvent parse(String json) throws UnparseableEventException {
        return instagram.parse(account, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String direct(String message) {
        return """
                {"object": "instagram", "entry": [{"id": "1234567890", "time": 1459991487970, "messaging": [
                 {"sender": {"id": "5678"}, "recipient": {"id": "1234567890"}, "timestamp": 1459991487970,
                  "message": %s}]}]}""".formatted(message);
    }
}
