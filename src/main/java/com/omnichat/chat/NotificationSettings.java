package com.omnichat.chat;

/** A user's choices for new-message notifications. */
public record NotificationSettings(boolean sound, boolean desktop, NotificationScope scope) {

    /**
     * Until the user chooses: a sound, no desktop notifications (the browser must ask him
     * first, which only makes sense when he turns them on), his chats and unassigned ones.
     */
    public static final NotificationSettings DEFAULTS =
            new NotificationSettings(true, false, NotificationScope.MINE_AND_UNASSIGNED);

    public NotificationSettings withSound(boolean on) {
        return new NotificationSettings(on, desktop, scope);
    }

    public NotificationSettings withDesktop(boolean on) {
        return new NotificationSettings(sound, on, scope);
    }

    public NotificationSettings withScope(NotificationScope newScope) {
        return new NotificationSettings(sound, desktop, newScope);
    }
}
