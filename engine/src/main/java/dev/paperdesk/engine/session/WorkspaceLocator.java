package dev.paperdesk.engine.session;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where workspaces live: {@code --workspace PATH} first, then the {@code PAPERDESK_WORKSPACE}
 * environment variable, then the user's data directory (XDG on Linux, Application Support on macOS,
 * %APPDATA% on Windows).
 */
public final class WorkspaceLocator {
    public static final String ENV_VARIABLE = "PAPERDESK_WORKSPACE";
    public static final String DEFAULT_FILE = "default.paperdesk";

    private WorkspaceLocator() {}

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return dataDirectory(env, osName, userHome).resolve(DEFAULT_FILE);
    }

    /** The per-user folder for Paperdesk's data. */
    public static Path dataDirectory(Map<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Paperdesk");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Paperdesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("paperdesk");
    }
}
