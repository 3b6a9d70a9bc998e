package io.github.lxca.simulator;

import java.util.List;

/** An update in the simulator's repository, with the job that imported it and its files. */
public record StoredUpdate(String fixId, String jobId, String importedBy, List<ReceivedFile> files) {}
