package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.instagram.InstagramPosts;
import com.omnichat.channel.meta.MetaSignature;
import com.omnichat.chat.CommentReplies;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.ReplyWindow;
import com.omnichat.chat.ReplyWindows;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Instagram (Instagram Login: graph.instagram.com with an Instagram user token): Direct in and
 * out with the messaging window, comments in the commenter's chat marked with the post's link,
 * answers under a comment, private replies once within 7 days. Graph is a fake on loopback.
 */
class InstagramTest extends ConnectorTest {

    static final String APP_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String IG_TOKEN = "IGAAtestinstagramusertoken0123456789";
    static final String ACCOUNT = "17841400000000001";

    @Autowired
    InboxService inboxService;

    @Autowired
    CommentReplies comments;

    @Autowired
    ReplyWindows windows;

    @Autowired
    InstagramPosts posts;

    FakeGraph instagram;
    ChannelDetails channel;

    @BeforeEach
    void instagramConnected() {
        instagram = new FakeGraph(FakeProviderServers.INSTAGRAM);
        channel = connect(new ChannelDraft(
                null,
                ChannelType.INSTAGRAM,
                "Instagram · @flowershop",
                ChannelMode.WEBHOOK,
                Map.of("appSecret", APP_SECRET, "accessToken", IG_TOKEN),
                Map.of(),
                true));
    }

    @AfterEach
    void instagramBack() {
        instagram.close();
    }

    // ---- Direct ----

    @Test
    void theSampleDirectMessageIsStoredOnce() throws Exception {
        post(fixture("instagram_webhook_dm_text.json"));
        post(fixture("instagram_webhook_dm_text.json"));

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Hello World");
        assertThat(text("select external_id from message")).isEqualTo("external_id");
        assertThat(text("select external_user_id from client_identity")).isEqualTo("5678");
    }

    @Test
    void storyRepliesMentionsSharesAndUnsupportedMessagesAreMarked() throws Exception {
        post(dm("m.story", """
                "text":"Love it!","reply_to":{"story":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1","id":"1791"}}"""));
        post(dm("m.mention", """
                "attachments":[{"type":"story_mention","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"}}]"""));
        post(dm("m.share", """
                "attachments":[{"type":"ig_post","payload":{"ig_post_media_id":"181","title":"Tulips","url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=181"}}]"""));
        post(dm("m.unsupported", "\"is_unsupported\":true"));

        assertThat(jdbc.sql("select origin from message order by id")
                        .query(String.class)
                        .list())
                .containsExactly("STORY_REPLY", "STORY_MENTION", "SHARE", "UNSUPPORTED");
        assertThat(text("select origin_url from message where external_id = 'm.story'"))
                .isEqualTo("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1");
        assertThat(text("select body from message where external_id = 'm.story'"))
                .isEqualTo("Love it!");
    }

    @Test
    void aPictureFromTheClientIsDownloadedInTheBackground() throws Exception {
        post(dm("m.pic", """
                "attachments":[{"type":"image","payload":{"url":"%s/media/rose.png"}}]""".formatted(instagram.url())));

        assertThat(text("select status from attachment")).isEqualTo("PENDING");
        context.getBean(com.omnichat.channel.internal.MediaDownloadWorker.class).drain();
        assertThat(text("select status from attachment")).isEqualTo("STORED");
    }

    @Test
    void aReplyInsideTwentyFourHoursIsAResponseAndSeenMarksItRead() throws Exception {
        post(dm("m.1", "\"text\":\"Do you deliver today?\""));
        long chat = chat();
        staff.signInAs(anna);

        assertThat(windows.of(chat).rule()).isEqualTo(ReplyWindow.Rule.OPEN);
        long reply = inboxService.reply(chat, "Yes, until 18:00", null, List.of());
        worker.drain();

        assertThat(instagram.calls("messages")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/v26.0/me/messages");
            assertThat(call.header("authorization")).isEqualTo("Bearer " + IG_TOKEN);
            assertThat(call.body())
                    .contains("\"recipient\":{\"id\":\"5678\"}")
                    .contains("\"messaging_type\":\"RESPONSE\"")
                    .doesNotContain("HUMAN_AGENT");
        });
        post(seen(instagram.lastMid()));
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void afterTwentyFourHoursTheReplyIsTaggedHumanAgentAndAfterSevenDaysItFailsWithTheReason() throws Exception {
        post(dm("m.1", "\"text\":\"Hi\""));
        long chat = chat();
        staff.signInAs(anna);
        jdbc.sql("update message set created_at = now() - interval '2 days'").update();

        assertThat(windows.of(chat).rule()).isEqualTo(ReplyWindow.Rule.HUMAN_AGENT);
        inboxService.reply(chat, "Sorry for the wait", null, List.of());
        worker.drain();
        assertThat(instagram.calls("messages").getLast().body())
                .contains("\"messaging_type\":\"MESSAGE_TAG\"")
                .contains("\"tag\":\"HUMAN_AGENT\"");

        jdbc.sql("update message set created_at = now() - interval '8 days' where kind = 'CLIENT'")
                .update();
        assertThat(windows.of(chat).rule()).isEqualTo(ReplyWindow.Rule.CLOSED);
        long late = inboxService.reply(chat, "Still there?", null, List.of());
        worker.drain();

        MessageView failed = inboxService.message(chat, late);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).contains("more than 7 days");
        assertThat(instagram.calls("messages")).hasSize(1);
    }

    @Test
    void aMessageSentFromTheInstagramAppIsShownAsSentFromInstagram() throws Exception {
        post(dm("m.1", "\"text\":\"Hi\""));
        post(envelope("""
                {"sender":{"id":"%s"},"recipient":{"id":"5678"},"timestamp":%d,
                 "message":{"mid":"m.app","is_echo":true,"text":"Answered from the phone"}}""".formatted(ACCOUNT, System.currentTimeMillis())));
        staff.signInAs(anna);

        long id = jdbc.sql("select id from message where external_id = 'm.app'")
                .query(Long.class)
                .single();
        MessageView echo = inboxService.message(chat(), id);
        assertThat(echo.kind()).isEqualTo(com.omnichat.chat.MessageKind.MANAGER);
        assertThat(echo.marks().sentFromApp()).isEqualTo("Instagram");
    }

    // ---- comments ----

    @Test
    void aCommentLandsInTheCommentersChatMarkedAndThePostsLinkFollows() throws Exception {
        post(fixture("instagram_webhook_comment.json"));
        staff.signInAs(anna);
        long chat = chat();
        long id = jdbc.sql("select id from message").query(Long.class).single();

        MessageView comment = inboxService.message(chat, id);
        assertThat(comment.body()).isEqualTo("This is an example.");
        assertThat(comment.marks().origin())
                .as("a reply in a thread (parent_id)")
                .isEqualTo("COMMENT_REPLY");
        assertThat(comment.marks().originUrl()).as("not fetched yet").isNull();
        assertThat(text("select client_nickname from conversation")).isEqualTo("testuser");

        assertThat(posts.fetchDue()).isEqualTo(1);

        comment = inboxService.message(chat, id);
        assertThat(comment.marks().originUrl()).isEqualTo("https://www.instagram.com/p/C7xFlowers1/");
        assertThat(comment.marks().postCaption()).isEqualTo("Spring bouquets 🌷");
        assertThat(instagram.calls("76543987"))
                .singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/v26.0/76543987"));

        post(comment("c.2", "1234536447", "76543987", null, "Second one"));
        assertThat(text("select origin_url from message where external_id = 'c.2'"))
                .as("the post is fetched once and cached")
                .isEqualTo("https://www.instagram.com/p/C7xFlowers1/");
        assertThat(posts.fetchDue()).isZero();
        assertThat(instagram.calls("76543987")).hasSize(1);
    }

    @Test
    void aCommentAndADirectMessageOfTheSamePersonShareOneChat() throws Exception {
        post(comment("c.1", "5678", "555", null, "How much?"));
        post(dm("m.1", "\"text\":\"I wrote you in Direct too\""));

        assertThat(inbox.countRows("conversation")).isEqualTo(1);
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(2);
    }

    @Test
    void replyOnACommentAnswersInTheCommentsAndItsOwnEchoIsNotStored() throws Exception {
        post(comment("c.1", "5678", "555", null, "How much?"));
        long chat = chat();
        long commentId = jdbc.sql("select id from message").query(Long.class).single();
        staff.signInAs(anna);

        long answer = comments.answerInComments(chat, "25 € — we sent details in Direct", commentId);
        worker.drain();

        assertThat(instagram.calls("replies")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/v26.0/c.1/replies");
            assertThat(call.body()).contains("\"message\":\"25 € — we sent details in Direct\"");
        });
        MessageView sent = inboxService.message(chat, answer);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.marks().origin()).isEqualTo("COMMENT_ANSWER");
        assertThat(sent.replyTo()).isNotNull();
        assertThat(instagram.calls("messages")).as("not in Direct").isEmpty();

        // Instagram reports the shop's own answer as a comment too.
        post(comment(instagram.lastReply(), ACCOUNT, "555", "c.1", "25 € — we sent details in Direct"));
        assertThat(count("select count(*) from message where kind <> 'SYSTEM'")).isEqualTo(2);
    }

    @Test
    void aPrivateReplyGoesOnceWithinSevenDays() throws Exception {
        post(comment("c.1", "5678", "555", null, "Price?"));
        post(comment("c.2", "5678", "555", null, "Hello?"));
        long chat = chat();
        long first = jdbc.sql("select id from message where external_id = 'c.1'")
                .query(Long.class)
                .single();
        long second = jdbc.sql("select id from message where external_id = 'c.2'")
                .query(Long.class)
                .single();
        staff.signInAs(anna);
        assertThat(windows.of(chat).rule()).isEqualTo(ReplyWindow.Rule.NEVER_WROTE);

        comments.replyInDirect(chat, "Hi! The price is 25 €", first);
        worker.drain();

        assertThat(instagram.calls("messages"))
                .singleElement()
                .satisfies(call -> assertThat(call.body())
                        .contains("\"recipient\":{\"comment_id\":\"c.1\"}")
                        .doesNotContain("messaging_type"));
        assertThat(comments.privateReplyRefusal(chat, first)).contains("chat.comment.private-reply.done");
        assertThatThrownBy(() -> comments.replyInDirect(chat, "Again", first)).isInstanceOf(UserFacingException.class);

        jdbc.sql("update message set created_at = now() - interval '8 days' where id = ?")
                .param(second)
                .update();
        assertThat(comments.privateReplyRefusal(chat, second)).contains("chat.comment.private-reply.expired");
        assertThatThrownBy(() -> comments.replyInDirect(chat, "Late", second)).isInstanceOf(UserFacingException.class);
        assertThat(instagram.calls("messages")).hasSize(1);
    }

    @Test
    void aMessageTypedNormallyToSomeoneWhoOnlyCommentedFailsWithTheReason() throws Exception {
        post(comment("c.1", "5678", "555", null, "Price?"));
        long chat = chat();
        staff.signInAs(anna);

        long typed = inboxService.reply(chat, "Hello", null, List.of());
        worker.drain();

        MessageView failed = inboxService.message(chat, typed);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).contains("never written in the direct chat");
        assertThat(instagram.calls("messages")).isEmpty();
    }

    @Test
    void theResponsibleManagerHidesShowsAndDeletesACommentAndOthersMayNot() throws Exception {
        post(comment("c.1", "5678", "555", null, "Rude words"));
        long chat = chat();
        long commentId = jdbc.sql("select id from message").query(Long.class).single();
        var max = staff.manager("max");
        SystemAccess.run(() -> SystemAccessGrant.grant(context, channel.id(), max.id()));
        staff.signInAs(max);
        assertThat(comments.canModerate(chat)).isFalse();
        assertThatThrownBy(() -> comments.moderate(chat, commentId, CommentModeration.Action.HIDE))
                .isInstanceOf(UserFacingException.class);

        staff.signInAs(anna);
        inboxService.assign(chat, anna.id());
        comments.moderate(chat, commentId, CommentModeration.Action.HIDE);
        assertThat(inboxService.message(chat, commentId).marks().commentHidden())
                .isTrue();
        comments.moderate(chat, commentId, CommentModeration.Action.UNHIDE);
        assertThat(inboxService.message(chat, commentId).marks().commentHidden())
                .isFalse();
        comments.moderate(chat, commentId, CommentModeration.Action.DELETE);

        assertThat(instagram.calls("c.1"))
                .extracting(c -> c.body())
                .containsExactly("{\"hide\":true}", "{\"hide\":false}", "");
        assertThat(inboxService.message(chat, commentId).marks().commentDeleted())
                .isTrue();
        assertThat(inboxService.message(chat, commentId).body())
                .as("kept for the staff")
                .isEqualTo("Rude words");
    }

    @Test
    void commentsOnAdsAreLabelled() throws Exception {
        post(envelopeChanges("""
                {"field":"comments","value":{"id":"c.ad","text":"Is this in stock?","from":{"id":"5678","username":"olena"},
                 "media":{"id":"999","ad_id":"238","ad_title":"Spring sale","media_product_type":"AD"}}}"""));

        assertThat(text("select origin from message")).isEqualTo("AD_COMMENT");
    }

    // ---- mentions (the webhook carries only media_id and comment_id, as documented) ----

    @Test
    void aCommentMentioningTheShopLandsInTheMentionersChatWithThePostsLinkOnce() throws Exception {
        instagram.script(ACCOUNT, 200, """
                {"mentioned_comment":{"id":"17894227972186120","text":"@flowershop look at these tulips!",
                 "timestamp":"2026-12-04T10:06:05+0000","username":"olena.k",
                 "media":{"id":"17918195224117851","permalink":"https://www.instagram.com/p/OtherPost1/",
                          "caption":"My garden"}},"id":"%s"}""".formatted(ACCOUNT));
        String mention = envelopeChanges("""
                {"field":"mentions","value":{"media_id":"17918195224117851","comment_id":"17894227972186120"}}""");

        post(mention);
        post(mention);

        assertThat(count("select count(*) from message"))
                .as("redelivered: stored once")
                .isEqualTo(1);
        staff.signInAs(anna);
        long id = jdbc.sql("select id from message").query(Long.class).single();
        MessageView message = inboxService.message(chat(), id);
        assertThat(message.kind()).isEqualTo(com.omnichat.chat.MessageKind.CLIENT);
        assertThat(message.body()).isEqualTo("@flowershop look at these tulips!");
        assertThat(message.marks().origin()).isEqualTo("MENTION_COMMENT");
        assertThat(message.marks().originUrl()).isEqualTo("https://www.instagram.com/p/OtherPost1/");
        assertThat(message.marks().postCaption()).isEqualTo("My garden");
        assertThat(text("select client_nickname from conversation")).isEqualTo("olena.k");
        assertThat(text("select permalink from meta_post where post_id = '17918195224117851'"))
                .as("the post goes to the post cache")
                .isEqualTo("https://www.instagram.com/p/OtherPost1/");
        assertThat(posts.fetchDue()).as("nothing left to fetch").isZero();

        long typed = inboxService.reply(chat(), "Thank you!", null, List.of());
        worker.drain();
        assertThat(inboxService.message(chat(), typed).failureReason())
                .as("a mention opens no Direct window")
                .contains("never written in the direct chat");
        assertThat(instagram.calls("messages")).isEmpty();
    }

    @Test
    void aPostCaptionMentioningTheShopIsMarkedAsAMentionInAPost() throws Exception {
        instagram.script(ACCOUNT, 200, """
                {"mentioned_media":{"id":"17918195224117999","caption":"Best bouquet ever from @flowershop",
                 "permalink":"https://www.instagram.com/p/HerPost2/","username":"maria.b","media_type":"IMAGE",
                 "timestamp":"2026-12-04T11:00:00+0000"},"id":"%s"}""".formatted(ACCOUNT));

        post(envelopeChanges("""
                {"field":"mentions","value":{"media_id":"17918195224117999"}}"""));

        assertThat(text("select origin from message")).isEqualTo("MENTION_POST");
        assertThat(text("select body from message")).isEqualTo("Best bouquet ever from @flowershop");
        assertThat(text("select origin_url from message")).isEqualTo("https://www.instagram.com/p/HerPost2/");
        assertThat(text("select external_id from message")).isEqualTo("mention:17918195224117999");
    }

    @Test
    void checkingTheConnectionAsksInstagramForTheAccount() {
        instagram.script(
                "me", 200, "{\"user_id\":\"" + ACCOUNT + "\",\"username\":\"flowershop\",\"name\":\"Flower Shop\"}");

        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(channel.id()));

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).isEqualTo("@flowershop (" + ACCOUNT + ")");
    }

    // ---- helpers ----

    private long chat() {
        return jdbc.sql("select id from conversation").query(Long.class).single();
    }

    private void post(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/webhooks/instagram/" + key(channel))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("X-Hub-Signature-256", MetaSignature.sign(APP_SECRET, body));
        assertThat(http.perform(request).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private static String dm(String mid, String fields) {
        return envelope("""
                {"sender":{"id":"5678"},"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s",%s}}""".formatted(ACCOUNT, System.currentTimeMillis(), mid, fields));
    }

    private static String seen(String mid) {
        return envelope("""
                {"sender":{"id":"5678"},"recipient":{"id":"%s"},"timestamp":%d,"read":{"mid":"%s"}}""".formatted(ACCOUNT, System.currentTimeMillis(), mid));
    }

    private static String comment(String id, String from, String media, String parent, String text) {
        return envelopeChanges(
                """
                {"field":"comments","value":{"id":"%s","text":"%s","from":{"id":"%s","username":"olena"},
                 %s"media":{"id":"%s","media_product_type":"FEED"}}}""".formatted(id, text, from, parent == null ? "" : "\"parent_id\":\"" + parent + "\",", media));
    }

    private static String envelope(String item) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":" + System.currentTimeMillis()
                + ",\"messaging\":[" + item + "]}]}";
    }

    private static String envelopeChanges(String change) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":"
                + System.currentTimeMillis() / 1000 + ",\"changes\":[" + change + "]}]}";
    }
}
