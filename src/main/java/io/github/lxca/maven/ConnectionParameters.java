package io.github.lxca.maven;

import java.nio.file.Path;

/**
 * How a goal that talks to LXCA was told to connect, as the user set it (Maven has merged the pom, the
 * command line and the defaults); {@link ConnectionBuilder} checks it and reads what it points to. The
 * parameters are declared once, in {@link AbstractConnectionMojo}, for every goal that talks to LXCA.
 *
 * @param serverId the {@code settings.xml} {@code <server>} with the user name and password
 * @param username the user when there is no such server entry
 * @param trustStore null for none
 * @param connectTimeout seconds or ISO-8601, as given
 * @param readTimeout seconds or ISO-8601, as given
 */
record ConnectionParameters(
        String serverId,
        String username,
        Path trustStore,
        String certificateFingerprint,
        boolean insecure,
        boolean allowPlainHttp,
        String connectTimeout,
        String readTimeout,
        int retries) {}
