package com.omnichat.channel.instagram;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.InboundSink;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.meta.GraphApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The posts comments are made on: {@code GET /{media-id}?fields=permalink,caption,media_type,thumbnail_url}
 * once per post, cached in {@code meta_post}. A comment never waits for it: it is stored at
 * once (with the link when the post is known already), and the link reaches every comment on
 * the post when it arrives ({@link InboundSink#postDetails}). Worked on every node with
 * {@code FOR UPDATE SKIP LOCKED}; a failed lookup is tried again later (5 times).
 */
@Component
public class InstagramPosts {

    private static final Logger log = LoggerFactory.getLogger(InstagramPosts.class);
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GraphApi graph;
    private final ChannelDirectory directory;
    /** Lazily: the inbox depends on the channels, whose registry holds the connector that holds this. */
    private final ObjectProvider<InboundSink> sink;

    private final boolean workers;

    InstagramPosts(
            JdbcClient jdbc,
            TransactionTemplate tx,
            GraphApi graph,
            ChannelDirectory directory,
            ObjectProvider<InboundSink> sink,
            ChannelProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.graph = graph;
        this.directory = directory;
        this.sink = sink;
        this.workers = properties.workers();
    }

    /** A post as cached. */
    public record Post(@Nullable String permalink, @Nullable String caption) {}

    /** The cached post (link and caption), or empty while it is not fetched yet; queues the fetch. */
    public Optional<Post> known(long channelId, String postId) {
        jdbc.sql("insert into meta_post (channel_id, post_id) values (?, ?) on conflict do nothing")
                .params(channelId, postId)
                .update();
        return jdbc.sql(
                        "select permalink, caption from meta_post where channel_id = ? and post_id = ? and fetched_at is not null")
                .params(channelId, postId)
                .query((rs, n) -> new Post(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** A post whose link and caption came with a lookup already (a mention): cached as fetched. */
    void remember(long channelId, String postId, @Nullable String permalink, @Nullable String caption) {
        jdbc.sql("""
                        insert into meta_post (channel_id, post_id, permalink, caption, fetched_at) values (?, ?, ?, ?, now())
                        on conflict (channel_id, post_id) do update set permalink = excluded.permalink,
                            caption = excluded.caption, fetched_at = now()""").params(channelId, postId, permalink, clip(caption)).update();
    }

    @Scheduled(
            fixedDelayString = "${omnichat.channels.meta.posts-interval:2s}",
            initialDelayString = "${omnichat.channels.meta.posts-interval:2s}")
    void sweep() {
        if (workers) {
            fetchDue();
        }
    }

    /** Fetches the posts due now; returns how many were fetched. */
    public int fetchDue() {
        int fetched = 0;
        for (int round = 0; round < 10; round++) {
            List<Due> due = tx.execute(s -> jdbc.sql("""
                            update meta_post p set attempts = attempts + 1, next_try_at = now() + interval '5 minutes'
                            where (channel_id, post_id) in (
                                select channel_id, post_id from meta_post
                                where fetched_at is null and attempts < :max and next_try_at <= now()
                                order by next_try_at limit 10 for update skip locked)
                            returning channel_id, post_id""")
                    .param("max", MAX_ATTEMPTS)
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2)))
                    .list());
            if (due == null || due.isEmpty()) {
                break;
            }
            for (Due post : due) {
                if (fetch(post)) {
                    fetched++;
                }
            }
        }
        return fetched;
    }

    private boolean fetch(Due post) {
        Optional<ConnectedChannel> channel = directory.byId(post.channelId());
        if (channel.isEmpty()) {
            return false;
        }
        try {
            JsonNode media = graph.get(
                    channel.get(),
                    InstagramConnector.host(channel.get()),
                    post.postId(),
                    Map.of("fields", "permalink,caption,media_type,thumbnail_url"));
            String permalink = media.path("permalink").asString(null);
            String caption = clip(media.path("caption").asString(null));
            tx.executeWithoutResult(s -> {
                jdbc.sql("""
                                update meta_post set permalink = ?, caption = ?, media_type = ?, fetched_at = now()
                                where channel_id = ? and post_id = ?""")
                        .params(
                                permalink,
                                caption,
                                media.path("media_type").asString(null),
                                post.channelId(),
                                post.postId())
                        .update();
                sink.getObject().postDetails(post.channelId(), post.postId(), safeLink(permalink), caption);
            });
            return true;
        } catch (RuntimeException e) {
            log.info(
                    "Channel {}: post {} not fetched yet: {}",
                    post.channelId(),
                    post.postId(),
                    ProviderErrors.describe(e, channel.get().secrets().values()));
            return false;
        }
    }

    /** Only Instagram's own https links are shown as links. */
    static @Nullable String safeLink(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://www.instagram.com/") || lower.startsWith("https://instagram.com/")
                ? url
                : null;
    }

    private static @Nullable String clip(@Nullable String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private record Due(long channelId, String postId) {}
}
