package com.omnichat.channel.webchat;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sites allowed to embed a channel's widget: origins such as {@code https://shop.example}
 * (scheme, host, port), one per line or comma-separated in the channel's settings; {@code *}
 * allows any site. A browser always sends {@code Origin} on a cross-site call, so a call
 * from a site not listed is refused; calls without it (same site, non-browser) pass.
 */
record AllowedOrigins(Set<String> origins, boolean any) {

    static AllowedOrigins parse(@Nullable String setting) {
        if (setting == null || setting.isBlank()) {
            return new AllowedOrigins(Set.of(), false);
        }
        Set<String> parsed = Arrays.stream(setting.split("[,\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(AllowedOrigins::normalize)
                .filter(s -> s != null)
                .collect(Collectors.toUnmodifiableSet());
        return new AllowedOrigins(parsed, parsed.contains("*"));
    }

    boolean allows(String origin) {
        String normalized = normalize(origin);
        return normalized != null && !"*".equals(normalized) && (any || origins.contains(normalized));
    }

    /** scheme://host[:port] in lower case, the default port left out; null when it is no origin. */
    static @Nullable String normalize(String value) {
        String text = value.strip();
        if ("*".equals(text)) {
            return "*";
        }
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null
                    || host == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
