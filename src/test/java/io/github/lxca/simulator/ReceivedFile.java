package io.github.lxca.simulator;

/** A file as it arrived in an upload: what the multipart parser saw, and its digest. */
public record ReceivedFile(String partName, String fileName, String contentType, long size, String sha256) {}
