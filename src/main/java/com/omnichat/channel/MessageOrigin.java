package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/**
 * Where a message came from when it is not a plain message in the direct chat: a comment on
 * the shop's post (its comment id in {@code ref}, the post in {@code postId}, the post's link in
 * {@code url} once known), a reply to a story, a story mention, a shared post, something the
 * provider cannot show. The chat shows each with its own mark; the text stays the client's.
 */
public record MessageOrigin(
        Kind kind,
        @Nullable String ref,
        @Nullable String url,
        @Nullable String postId,
        @Nullable String caption) {

    public enum Kind {
        /** A comment on the shop's post. */
        COMMENT,
        /** A reply in a comment thread ({@code parent_id}). */
        COMMENT_REPLY,
        /** A comment on the shop's ad. */
        AD_COMMENT,
        /** A reply to the shop's story ({@code url}: the story while it exists). */
        STORY_REPLY,
        /** The client mentioned the shop in his story. */
        STORY_MENTION,
        /** The client shared a post or reel ({@code url}). */
        SHARE,
        /** Something the provider cannot pass on (the client's app shows it). */
        UNSUPPORTED,
        /** A button the client pressed: the text is the button's. */
        CHOICE,
        /** The client @mentioned the shop in a comment ({@code ref}: the comment, {@code url}: the post). */
        MENTION_COMMENT,
        /** The client @mentioned the shop in his post's caption ({@code url}: the post). */
        MENTION_POST
    }

    public static MessageOrigin of(Kind kind, @Nullable String url) {
        return new MessageOrigin(kind, null, url, null, null);
    }

    /** A comment: its id, the post's id, and the post's link and caption when known. */
    public boolean comment() {
        return kind == Kind.COMMENT || kind == Kind.COMMENT_REPLY || kind == Kind.AD_COMMENT;
    }
}
