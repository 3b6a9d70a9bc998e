package io.github.lxca.maven;

import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every maven-plugin-testing-harness test of a goal shares: the session, project and execution the harness
 * injects, the test's own project folder, and the {@link MavenRun} prepared around them before the harness
 * configures the goal. A subclass carries {@code @MojoTest} and adds its own {@code @BeforeEach}, which JUnit runs
 * after this one.
 */
abstract class GoalHarness {
    @TempDir
    Path basedir;

    @Inject
    MavenSession session;

    @Inject
    MavenProject project;

    @Inject
    MojoExecution execution;

    final MavenRun run = new MavenRun();

    @BeforeEach
    void prepareMavenRun(TestInfo test) throws Exception {
        run.prepare(test, session, project, execution, basedir);
    }

    /** A {@code <server>} of {@code settings.xml}. */
    void addServer(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        run.settings.addServer(server);
    }
}
