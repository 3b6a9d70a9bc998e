package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LxcaUrlTest {
    @Test
    void acceptsHttpsWithOrWithoutPortAndTrailingSlash() throws Exception {
        assertEquals(URI.create("https://lxca.example:8443"), LxcaUrl.parse(" https://lxca.example:8443 ", false));
        assertEquals(URI.create("https://10.0.0.5/"), LxcaUrl.parse("https://10.0.0.5/", false));
    }

    @Test
    void acceptsPlainHttpOnlyWhenAllowed() throws Exception {
        var e = assertThrows(MojoFailureException.class, () -> LxcaUrl.parse("http://lxca.example", false));
        assertEquals(
                "lxca.url 'http://lxca.example' is not usable: http:// would send the password in clear"
                        + "\nWhat to do: use https://, or set lxca.allowPlainHttp=true for a test server",
                e.getMessage());
        assertEquals(URI.create("http://lxca.example"), LxcaUrl.parse("http://lxca.example", true));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "lxca.example|it must look like https://host[:port]",
                "ftp://lxca.example|it must look like https://host[:port]",
                "https://lxca.example/ui|it must not have a path or query; LXCA's API lives at the root",
                "https://lxca.example?x=1|it must not have a path or query; LXCA's API lives at the root",
                "https://lxca example|Illegal character in authority"
            })
    void refusesWhatCannotBeAnLxcaBaseUrl(String url, String problem) {
        var e = assertThrows(MojoFailureException.class, () -> LxcaUrl.parse(url, false));
        assertEquals(
                "lxca.url '" + url + "' is not usable: " + problem,
                e.getMessage().lines().findFirst().orElseThrow());
        assertTrue(e.getMessage().lines().skip(1).findFirst().orElseThrow().startsWith("What to do: "), e.getMessage());
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        var e = assertThrows(
                MojoFailureException.class, () -> LxcaUrl.parse("https://admin:S3cret@lxca.example", false));

        assertEquals(
                "lxca.url 'https://***@lxca.example' is not usable: it must not carry a user name or password,"
                        + " which would show in logs and the report\nWhat to do: put them in a <server> of settings.xml and name"
                        + " it with lxca.serverId",
                e.getMessage());
    }

    @Test
    void theOneRedactorHidesTheWholeUserPartEvenWithAnAtInThePassword() {
        assertEquals("https://***@lxca.example:8443", LxcaUrl.redacted("https://admin:p@ss@lxca.example:8443"));
        assertEquals("https://lxca.example/a@b", LxcaUrl.redacted("https://lxca.example/a@b"));
        assertEquals("release-bot", LxcaUrl.redacted("release-bot"));
    }
}
