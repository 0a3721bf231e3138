package com.omnichat.channel.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The hosts a connector fetches media from: exact names ({@code dl-media.viber.com}) and
 * wildcards for subdomains ({@code *.viber.com}, which does not match {@code viber.com} itself).
 */
public record MediaHosts(List<String> patterns) {

    public MediaHosts {
        patterns = patterns.stream()
                .map(MediaHosts::normalize)
                .filter(p -> !p.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * The configured list ({@code a.com, *.b.com}) plus the hosts of the given provider URLs
     * (the API itself: a self-hosted Telegram Bot API serves its files from its own host).
     */
    public static MediaHosts of(String configured, String... providerUrls) {
        List<String> all = new ArrayList<>(List.of(configured.split("[,\\s]+")));
        for (String url : providerUrls) {
            String host = host(url);
            if (host != null) {
                all.add(host);
            }
        }
        return new MediaHosts(all);
    }

    public boolean allows(String host) {
        String name = normalize(host);
        for (String pattern : patterns) {
            if (pattern.startsWith("*.")
                    ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
                    : name.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
