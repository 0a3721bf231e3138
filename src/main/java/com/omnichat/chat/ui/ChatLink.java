package com.omnichat.chat.ui;

import com.vaadin.flow.server.VaadinServletRequest;

/** Absolute links to chats, as the browser reached this installation ("copy link"). */
final class ChatLink {

    private ChatLink() {}

    static String absolute(long conversationId) {
        var request = VaadinServletRequest.getCurrent();
        String base = "";
        if (request != null) {
            var http = request.getHttpServletRequest();
            String port = (http.getServerPort() == 80 && "http".equals(http.getScheme()))
                            || (http.getServerPort() == 443 && "https".equals(http.getScheme()))
                    ? ""
                    : ":" + http.getServerPort();
            base = http.getScheme() + "://" + http.getServerName() + port + http.getContextPath();
        }
        return base + "/chats/" + conversationId;
    }
}
