package io.github.lxca.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.testing.SampleUpdateSets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints and rules a client other than the plugin meets: read back, cancel, part names, the CSRF cookie. */
class SimulatorEndpointsTest {
    private static final String PASSWORD = "Endpoints-Pa55";
    private static final List<String> EXTENSIONS = List.of(".chg", ".tgz", ".txt", ".xml");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LxcaSimulator simulator;
    private static SSLContext tls;

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path work;

    @BeforeAll
    static void startSimulator(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder()
                .workDirectory(directory)
                .pollsToComplete(1)
                .start();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(simulator.writeTrustStore(directory.resolve("trust.p12")))) {
            store.load(in, SelfSignedCertificate.STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.close();
    }

    @Test
    void readmeAndChangeHistoryComeBackAsUploadedInJsonUnlessTextIsAskedForFirst() throws Exception {
        Client client = new Client(user());
        String fixId = client.importSet(work);

        JsonNode readme = mapper.readTree(client.get("/managementServer/updates/" + fixId + "?filetype=readme", "*/*")
                .body());
        HttpResponse<String> text =
                client.get("/managementServer/updates/" + fixId + "?filetype=changeHistory", "text/plain");
        HttpResponse<String> older =
                client.get("/managementServer/updates/" + fixId + "?type=changeHistory", "application/json");

        assertEquals(
                Files.readString(work.resolve(fixId + ".txt")),
                readme.path("content").asText());
        assertEquals("success", readme.path("result").asText());
        assertEquals(fixId + ".txt", readme.path("fileName").asText());
        assertEquals(Files.readString(work.resolve(fixId + ".chg")), text.body());
        assertTrue(
                text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                text.headers().toString());
        assertEquals(
                Files.readString(work.resolve(fixId + ".chg")),
                mapper.readTree(older.body()).path("content").asText());
    }

    @Test
    void readingBackWhatIsNotThereOrAnUnknownFileTypeIsRefusedInJson() throws Exception {
        Client client = new Client(user());
        String fixId = client.importSet(work);

        HttpResponse<String> unknownType =
                client.get("/managementServer/updates/" + fixId + "?filetype=payload", "*/*");
        HttpResponse<String> missing = client.get(
                "/managementServer/updates/lnvgy_sw_lxca_none-1.0.0_anyos_noarch" + "?filetype=readme", "*/*");

        assertEquals(400, unknownType.statusCode());
        assertEquals(
                "failed", mapper.readTree(unknownType.body()).path("result").asText());
        assertEquals(404, missing.statusCode());
        assertEquals("failed", mapper.readTree(missing.body()).path("result").asText());
    }

    @Test
    void aCancelledJobEndsCancelledAndTakesNoUpload() throws Exception {
        Client client = new Client(user());
        String fixId = fixId();
        SampleUpdateSets.write(work, fixId);
        String jobId = client.createJob(fixId, work);

        HttpResponse<String> cancelled = client.send(
                "PUT", "/tasks", "{\"action\":\"cancel\",\"list\":[\"" + jobId + "\"]}", "application/json");
        HttpResponse<String> upload = client.upload(jobId, fixId, work, i -> "uploadedfile[]", false);
        HttpResponse<String> task = client.get("/tasks/" + jobId + "?includeChildren=true", "*/*");
        HttpResponse<String> otherAction =
                client.send("PUT", "/tasks", "{\"action\":\"stop\",\"list\":[\"" + jobId + "\"]}", "application/json");

        assertEquals(200, cancelled.statusCode());
        assertEquals(409, upload.statusCode());
        assertTrue(upload.body().contains("The job " + jobId + " was cancelled."), upload.body());
        assertEquals(
                "Cancelled", mapper.readTree(task.body()).path(0).path("status").asText());
        assertEquals(400, otherAction.statusCode());
        assertTrue(simulator.repository().get(fixId) == null);
    }

    @Test
    void aPartWithoutAFileNameIsNoFileAndTheFilesAreStillCheckedAgainstTheJob() throws Exception {
        Client client = new Client(user());
        String fixId = fixId();
        SampleUpdateSets.write(work, fixId);

        HttpResponse<String> withField =
                client.upload(client.createJob(fixId, work), fixId, work, i -> "file_" + (i + 1), true);
        String second = fixId();
        SampleUpdateSets.write(work, second);
        HttpResponse<String> wrongOrder = client.upload(
                client.createJob(second, work),
                second,
                work,
                i -> "uploadedfile[]",
                false,
                List.of(".tgz", ".chg", ".txt", ".xml"));

        assertEquals(201, withField.statusCode(), withField.body());
        assertEquals(400, wrongOrder.statusCode());
        assertTrue(
                wrongOrder
                        .body()
                        .contains(
                                "part 0 has file name '" + second + ".tgz' but the job declares '" + second + ".chg'"),
                wrongOrder.body());
    }

    @Test
    void everyLoginSetsTheCsrfCookieWithTheSessionsToken() throws Exception {
        for (Fault variant : List.of(Fault.LOGIN_CSRF_BODY_ONLY, Fault.LOGIN_CSRF_COOKIE_ONLY)) {
            Client client = new Client(user(variant));
            String cookie = client.cookie("csrf");
            String body =
                    client.login.path("response").path("session").path("csrf").asText(null);

            assertTrue(cookie != null && !cookie.isEmpty(), variant.toString());
            assertEquals(variant == Fault.LOGIN_CSRF_BODY_ONLY ? cookie : null, body, variant.toString());
        }
    }

    @Test
    void theApplyAnswersAsDocumentedAndNamesItsJobForTheApply() throws Exception {
        String refusedUser = user(Fault.APPLY_SESSION_ENDED);
        Client client = new Client(user());
        String fixId = client.importSet(work);

        HttpResponse<String> twoFixIds = client.send(
                "PUT", "/managementServer/updates?action=apply", "{\"fixids\": [\"a\", \"b\"]}", "application/json");
        HttpResponse<String> unknown = client.send(
                "PUT", "/managementServer/updates?action=apply", "{\"fixids\": [\"nothere\"]}", "application/json");
        HttpResponse<String> sessionEnded = new Client(refusedUser)
                .send(
                        "PUT",
                        "/managementServer/updates?action=apply",
                        "{\"fixids\": [\"" + fixId + "\"]}",
                        "application/json");

        // Lenovo documents 200, 401, 403 and 500 for the apply, failures in the messages envelope
        for (HttpResponse<String> failed : List.of(twoFixIds, unknown)) {
            assertEquals(500, failed.statusCode(), failed.body());
            JsonNode body = mapper.readTree(failed.body());
            assertEquals("failed", body.path("result").asText(), failed.body());
            assertTrue(body.path("messages").path(0).path("id").asText().startsWith("FQXHMUP"), failed.body());
        }
        assertEquals(401, sessionEnded.statusCode(), sessionEnded.body());
        assertEquals(
                "failed", mapper.readTree(sessionEnded.body()).path("result").asText());
    }

    @Test
    void theHistoryStartsWithTheBaseInstallOfTheVersionTheApplianceStartedAt(@TempDir Path directory) throws Exception {
        try (LxcaSimulator own = LxcaSimulator.builder()
                .workDirectory(directory)
                .certificate(simulator.certificate())
                .applianceVersion("4.1.0")
                .applyTimings(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .start()) {
            own.addUser("history", PASSWORD);
            String fixId = "lnvgy_sw_lxca_history-4.2.0_anyos_noarch";
            own.preload(fixId);
            Client client = new Client(own, "history");

            JsonNode history = mapper.readTree(
                    client.get("/managementServer/updates?key=history", "*/*").body());
            HttpResponse<String> applied = client.send(
                    "PUT",
                    "/managementServer/updates?action=apply",
                    "{\"fixids\": [\"" + fixId + "\"]}",
                    "application/json");
            JsonNode task = mapper.readTree(client.get(
                                    "/tasks/"
                                            + mapper.readTree(applied.body())
                                                    .path("jobid")
                                                    .asText(),
                                    "*/*")
                            .body())
                    .path(0);

            JsonNode base = history.path("history").path(0);
            assertEquals("base install", base.path("flavor").asText(), history.toString());
            assertEquals("4.1.0", base.path("version").asText(), history.toString());
            for (String attribute : List.of(
                    "buildNumber",
                    "dateApplied",
                    "description",
                    "detailInfo",
                    "fileName",
                    "flavor",
                    "installationFailedDate",
                    "version")) {
                assertTrue(base.has(attribute), attribute + " in " + base);
            }
            assertTrue(base.path("fixid").isMissingNode(), "no undocumented fixid: " + base);
            assertEquals(200, applied.statusCode(), applied.body());
            assertEquals(
                    "Apply management server update " + fixId, task.path("name").asText(), task.toString());
        }
    }

    /** A client of its own, as pylxca is one: the CSRF token from the cookie, the parts named as it is told. */
    private final class Client {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http =
                HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies).build();
        private final JsonNode login;

        private final LxcaSimulator target;

        Client(String user) throws Exception {
            this(simulator, user);
        }

        Client(LxcaSimulator target, String user) throws Exception {
            this.target = target;
            HttpResponse<String> reply = send(
                    "POST",
                    "/sessions",
                    "{\"UserId\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}",
                    "application/json");
            assertEquals(200, reply.statusCode(), reply.body());
            login = mapper.readTree(reply.body());
        }

        String cookie(String name) {
            return cookies.getCookieStore().get(target.url()).stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        String importSet(Path directory) throws Exception {
            String fixId = fixId();
            SampleUpdateSets.write(directory, fixId);
            String jobId = createJob(fixId, directory);
            assertEquals(
                    201,
                    upload(jobId, fixId, directory, i -> "uploadedfile[]", false)
                            .statusCode());
            assertEquals(
                    "Complete",
                    mapper.readTree(get("/tasks/" + jobId, "*/*").body())
                            .path(0)
                            .path("status")
                            .asText());
            return fixId;
        }

        String createJob(String fixId, Path directory) throws Exception {
            StringBuilder files = new StringBuilder();
            for (int i = 0; i < EXTENSIONS.size(); i++) {
                Path file = directory.resolve(fixId + EXTENSIONS.get(i));
                files.append(i == 0 ? "" : ",")
                        .append("{\"index\":")
                        .append(i)
                        .append(",\"name\":\"")
                        .append(file.getFileName())
                        .append("\",\"size\":")
                        .append(Files.size(file))
                        .append(",\"type\":\"")
                        .append(Uploads.contentTypeFor(file.getFileName().toString()))
                        .append("\"}");
            }
            HttpResponse<String> reply = send(
                    "POST",
                    "/managementServer/updates?action=import",
                    "{\"files\":[" + files + "]}",
                    "application/json");
            assertEquals(200, reply.statusCode(), reply.body());
            return mapper.readTree(reply.body()).path("jobid").asText();
        }

        HttpResponse<String> upload(
                String jobId,
                String fixId,
                Path directory,
                java.util.function.IntFunction<String> name,
                boolean fileSizeField)
                throws Exception {
            return upload(jobId, fixId, directory, name, fileSizeField, EXTENSIONS);
        }

        /** One part per file, in this order of extensions; first a {@code fileSize} form field without a file name. */
        HttpResponse<String> upload(
                String jobId,
                String fixId,
                Path directory,
                java.util.function.IntFunction<String> name,
                boolean fileSizeField,
                List<String> order)
                throws Exception {
            String boundary = "endpoints" + NEXT.incrementAndGet();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (fileSizeField) {
                body.writeBytes(
                        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fileSize\"\r\n\r\n12345\r\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < order.size(); i++) {
                String fileName = fixId + order.get(i);
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.apply(i)
                                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                                + Uploads.contentTypeFor(fileName)
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(Files.readAllBytes(directory.resolve(fileName)));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(
                    request(
                                    "POST",
                                    "/files/managementServer/updates?action=import&jobid=" + jobId,
                                    HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
            return http.send(
                    request("GET", path, HttpRequest.BodyPublishers.noBody())
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, String json, String contentType)
                throws IOException, InterruptedException {
            return http.send(
                    request(method, path, HttpRequest.BodyPublishers.ofString(json))
                            .header("Content-Type", contentType)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(target.url() + path)).method(method, body);
            String csrf = cookie("csrf");
            return csrf == null ? request : request.header("X-Csrf-Token", csrf);
        }
    }

    private static String user(Fault... faults) {
        String name = "endpoints" + NEXT.incrementAndGet();
        simulator.addUser(name, PASSWORD, faults);
        return name;
    }

    private static String fixId() {
        return "lnvgy_sw_lxca_endpoints" + NEXT.incrementAndGet() + "-1.0.0_anyos_noarch";
    }
}
