package com.westbethel.motel.adapters.web.site.account;

/** A browser's User-Agent in a few words a guest recognises ("Firefox on Windows"), for the sessions page. */
final class Devices {

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null && system == null) {
            return userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
        }
        return (browser == null ? "A browser" : browser) + (system == null ? "" : " on " + system);
    }

    private static String browser(String agent) {
        // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
        if (agent.contains("Edg/")) {
            return "Edge";
        }
        if (agent.contains("OPR/")) {
            return "Opera";
        }
        if (agent.contains("Firefox/")) {
            return "Firefox";
        }
        if (agent.contains("Chrome/") || agent.contains("Chromium/")) {
            return "Chrome";
        }
        if (agent.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String agent) {
        if (agent.contains("iPhone") || agent.contains("iPad")) {
            return "iOS";
        }
        if (agent.contains("Android")) {
            return "Android";
        }
        if (agent.contains("Windows")) {
            return "Windows";
        }
        if (agent.contains("Mac OS X") || agent.contains("Macintosh")) {
            return "macOS";
        }
        if (agent.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
