package io.github.lxca.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/** Checks {@code lxca.url}: https (or http when allowed), a host, no path or query, no credentials. */
final class LxcaUrl {
    private LxcaUrl() {}

    static URI parse(String url, boolean allowPlainHttp) throws MojoFailureException {
        String problem;
        String whatToDo = "give lxca.url as https://host[:port], such as https://lxca.example.com";
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (uri.getRawUserInfo() != null) {
                problem = "it must not carry a user name or password, which would show in logs and the report";
                whatToDo = "put them in a <server> of settings.xml and name it with lxca.serverId";
            } else if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problem = "it must look like https://host[:port]";
            } else if (!path.isEmpty() && !path.equals("/") || uri.getQuery() != null) {
                problem = "it must not have a path or query; LXCA's API lives at the root";
                whatToDo = "leave out everything after host[:port]";
            } else if (scheme.equals("http") && !allowPlainHttp) {
                problem = "http:// would send the password in clear";
                whatToDo = "use https://, or set lxca.allowPlainHttp=true for a test server";
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            problem = e.getReason();
        }
        throw new PluginConfigurationException("lxca.url '" + redacted(url) + "' is not usable: " + problem, whatToDo);
    }

    /**
     * A value fit for the log and messages: the user name and password of a URL ({@code https://user:pw@host})
     * replaced by {@code ***}; any other value as it is. The one redactor of the plugin's messages.
     */
    static String redacted(String value) {
        return value == null ? null : value.replaceFirst("//[^/?#]*@", "//***@");
    }
}
