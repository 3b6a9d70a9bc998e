package io.github.lxca.client;

/**
 * A user name and password for LXCA, and where they came from (for messages). The password is
 * never part of {@link #toString()}.
 */
public record Credentials(String username, String password, String source) {
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****, source=" + source + "]";
    }
}
