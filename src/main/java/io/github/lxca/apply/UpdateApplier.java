package io.github.lxca.apply;

import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.LxcaProtocolException;
import io.github.lxca.client.LxcaRejectedException;
import io.github.lxca.client.Probe;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.Task;
import io.github.lxca.client.UpdateHistoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Applies one update to one LXCA over a logged-in client: reads the version LXCA runs, refuses an update that is
 * not newer or not in the repository, sends the apply once, and follows it ({@link ApplyFollower}) until LXCA
 * proves that it runs the update.
 */
public final class UpdateApplier {
    private final Clock clock;
    private final Sleeper sleeper;
    private final LxcaLog log;

    public UpdateApplier(Clock clock, Sleeper sleeper, LxcaLog log) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * @param server how the LXCA is named in the log and the report
     * @return the record of the proven apply, or of the dry run
     * @throws LxcaApplyException when the update is refused before the apply, or the apply did not take effect
     * @throws LxcaException when LXCA refused a call or could not be reached before the apply was sent
     */
    public ApplyRecord apply(LxcaClient client, String server, ApplyRequest request)
            throws LxcaException, InterruptedException {
        String fixId = request.fixId();
        String running = client.currentVersion();
        boolean newer = VersionComparison.isNewer(request.updateVersion(), running);
        Optional<List<UpdateHistoryEntry>> history = readableHistory(client);
        Optional<String> alreadyApplied = newer ? Optional.empty() : alreadyApplied(history, request, running);
        boolean inRepository =
                alreadyApplied.isPresent() || client.repositoryFixIds().contains(fixId);
        ApplyRecord before = new ApplyRecord(
                server, fixId, null, null, List.of(), 0, running, null, request.updateVersion(), null, null);
        if (request.dryRun()) {
            log.info("Dry run: would apply " + fixId + " (version " + request.updateVersion() + ") to " + server
                    + ", which runs version " + running + ": "
                    + alreadyApplied
                            .map(proof -> "LXCA already runs it (" + proofText(proof) + "); nothing would be sent")
                            .orElseGet(() -> verdict(newer, inRepository, request.updateVersion(), running)));
            return new ApplyRecord(
                    server,
                    fixId,
                    ApplyOutcome.DRY_RUN,
                    null,
                    List.of(),
                    0,
                    running,
                    null,
                    request.updateVersion(),
                    null,
                    null);
        }
        if (alreadyApplied.isPresent()) {
            String proof = alreadyApplied.get();
            log.info(server + " already runs " + fixId + " (" + proofText(proof) + "): nothing to apply, nothing was"
                    + " sent");
            return new ApplyRecord(
                    server,
                    fixId,
                    ApplyOutcome.ALREADY_APPLIED,
                    null,
                    List.of(),
                    0,
                    running,
                    running,
                    request.updateVersion(),
                    proof,
                    null);
        }
        if (!inRepository) {
            throw new LxcaApplyException(
                    ApplyOutcome.NOT_IN_REPOSITORY,
                    "Cannot apply " + fixId + ": it is not in the" + " updates repository of " + server,
                    before,
                    List.of(),
                    "import it first (lxca:import-update, or -Dlxca.apply=true on import-update to do both), or correct lxca.fixId");
        }
        if (!newer) {
            boolean sameVersion = VersionComparison.same(request.updateVersion(), running);
            throw new LxcaApplyException(
                    ApplyOutcome.NOT_NEWER,
                    "Refusing to apply " + fixId + ": its version " + request.updateVersion()
                            + " is not newer than version " + running + " that " + server + " runs"
                            + (sameVersion ? ", and LXCA's update history does not record " + fixId + " applied" : ""),
                    before,
                    List.of(),
                    "apply an update with a higher version; nothing was changed on LXCA");
        }
        log.info("Applying " + fixId + " to " + server + " (version " + running + " -> " + request.updateVersion()
                + ")");
        Optional<String> jobId;
        try {
            jobId = client.applyUpdate(fixId);
            log.info(jobId.map(id -> "LXCA started apply job " + id)
                    .orElse("LXCA's reply to the apply names no job; following LXCA's version instead"));
        } catch (LxcaRejectedException refused) {
            if (refused.status() != 401 && refused.status() != 403) {
                throw refused;
            }
            throw new LxcaApplyException(
                    ApplyOutcome.REFUSED,
                    "LXCA answered the apply of " + fixId + " with HTTP " + refused.status()
                            + ": it no longer knows the session; the apply is not sent again",
                    before,
                    refused.messages(),
                    "nothing was applied (LXCA refused the call); run the build again to log in anew and apply "
                            + fixId);
        } catch (LxcaConnectionException lost) {
            // The apply may have reached LXCA, which may be restarting already: never send it again, follow the
            // version.
            jobId = Optional.empty();
            log.warn("The reply to the apply was lost (" + lost.getMessage()
                    + "); it is not sent again: following LXCA's" + " version instead");
        }
        ApplyRecord start = new ApplyRecord(
                server,
                fixId,
                null,
                jobId.orElse(null),
                List.of(),
                0,
                running,
                null,
                request.updateVersion(),
                null,
                null);
        ApplyRecord done = new ApplyFollower(probesOf(client), clock, sleeper, request.timing(), log::info)
                .follow(start, jobId.orElse(null), history.orElse(List.of()));
        log.info("Applied " + fixId + " to " + server + ": version " + running + " -> " + done.versionAfter()
                + (done.unreachableSeconds() > 0
                        ? ", unreachable for " + done.unreachableSeconds() + " s while it restarted"
                        : ""));
        return done;
    }

    /**
     * Whether LXCA already runs this update, so that a re-run sends nothing: its version is the update's and its
     * history, where LXCA answers it, records the update applied (its last entry, found by {@link HistoryMatch}:
     * {@code dateApplied}, no {@code installationFailedDate}). Returns the proof, {@code history} or {@code currentVersion} (history not
     * readable).
     */
    private static Optional<String> alreadyApplied(
            Optional<List<UpdateHistoryEntry>> history, ApplyRequest request, String running) {
        if (!VersionComparison.same(request.updateVersion(), running)) {
            return Optional.empty();
        }
        if (history.isEmpty()) {
            return Optional.of("currentVersion");
        }
        return HistoryMatch.last(history.get(), request.fixId(), request.updateVersion())
                        .filter(UpdateHistoryEntry::applied)
                        .isPresent()
                ? Optional.of("history")
                : Optional.empty();
    }

    /** LXCA's update history, or empty when LXCA does not answer it (a refusal, or a reply that is not JSON). */
    private static Optional<List<UpdateHistoryEntry>> readableHistory(LxcaClient client) throws LxcaException {
        try {
            return Optional.of(client.updateHistory());
        } catch (LxcaRejectedException | LxcaProtocolException unreadable) {
            return Optional.empty();
        }
    }

    private static String proofText(String proof) {
        return proof.equals("history")
                ? "its version is the update's, and its update history records the apply"
                : "its version is the update's; its update history cannot be read";
    }

    static String verdict(boolean newer, boolean inRepository, String update, String running) {
        String version = newer
                ? "the update is newer, the version check passes"
                : "the version check would refuse it: " + update + " is not newer than " + running;
        return version + (inRepository ? "" : "; the fix id is not in the repository yet (an import must come first)");
    }

    private static ApplyFollower.Appliance probesOf(LxcaClient client) {
        return new ApplyFollower.Appliance() {
            @Override
            public Probe<Void> login(Duration left) {
                return client.probeLogin(left);
            }

            @Override
            public Probe<Task> task(String jobId, Duration left) {
                return client.probeTask(jobId, left);
            }

            @Override
            public Probe<String> currentVersion(Duration left) {
                return client.probeCurrentVersion(left);
            }

            @Override
            public Probe<List<UpdateHistoryEntry>> history(Duration left) {
                return client.probeHistory(left);
            }
        };
    }
}
