package io.github.lxca.maven;

import io.github.lxca.packaging.DescriptorSettings;

/**
 * Every user property of the goals and every default, in one place: each goal's {@code @Parameter} refers to these,
 * and so does every message that names a setting. A parameter is declared once, in the one class of the goals'
 * hierarchy that reads it ({@link AbstractLxcaMojo}, {@link AbstractConnectionMojo}, {@link AbstractApplyMojo}, a
 * goal); the packaging parameters are the exception, declared by both goals that package, alike.
 */
final class LxcaProperties {
    private LxcaProperties() {}

    // every goal
    static final String SKIP = "lxca.skip";
    static final String FIX_ID = "lxca.fixId";
    static final String COMPONENT = "lxca.component";
    static final String COMPONENT_DEFAULT = "${project.artifactId}";
    static final String VERSION = "lxca.version";
    static final String VERSION_DEFAULT = "${project.version}";
    static final String ALLOW_SNAPSHOT = "lxca.allowSnapshot";

    // packaging: package-update and import-update
    static final String PAYLOAD = "lxca.payload";
    static final String PAYLOAD_DIRECTORY = "lxca.payloadDirectory";
    static final String CHANGE_HISTORY = "lxca.changeHistory";
    static final String README = "lxca.readme";
    static final String CATEGORY = "lxca.category";
    static final String CATEGORY_DEFAULT = DescriptorSettings.DEFAULT_CATEGORY;
    static final String BUILD_NUMBER = "lxca.buildNumber";
    static final String UPDATE_TYPE = "lxca.updateType";
    static final String UPDATE_TYPE_DEFAULT = DescriptorSettings.DEFAULT_UPDATE_TYPE;
    static final String REBOOT_REQUIRED = "lxca.rebootRequired";
    static final String PRE_REQS = "lxca.preReqs";
    static final String APPLICABLE_MACHINE_TYPES = "lxca.applicableMachineTypes";
    static final String DESCRIPTOR_TEMPLATE = "lxca.descriptorTemplate";
    static final String DESCRIPTOR = "lxca.descriptor";
    static final String OUTPUT_TIMESTAMP_DEFAULT = "${project.build.outputTimestamp}";
    static final String SKIP_PACKAGE = "lxca.skipPackage";
    /** The folder {@code package-update} writes to and {@code import-update} reads. */
    static final String UPDATE_FOLDER_DEFAULT = "${project.build.directory}/lxca-update";

    // package-update
    static final String OUTPUT_DIRECTORY = "lxca.outputDirectory";

    // every goal that talks to LXCA
    static final String URL = "lxca.url";
    static final String SERVER_ID = "lxca.serverId";
    static final String SERVER_ID_DEFAULT = "lxca";
    static final String USERNAME = "lxca.username";
    static final String TRUST_STORE = "lxca.trustStore";
    static final String CERTIFICATE_FINGERPRINT = "lxca.certificateFingerprint";
    static final String INSECURE = "lxca.insecure";
    static final String ALLOW_PLAIN_HTTP = "lxca.allowPlainHttp";
    static final String CONNECT_TIMEOUT = "lxca.connectTimeout";
    static final String CONNECT_TIMEOUT_DEFAULT = "30";
    static final String READ_TIMEOUT = "lxca.readTimeout";
    static final String READ_TIMEOUT_DEFAULT = "600";
    static final String RETRIES = "lxca.retries";
    static final String RETRIES_DEFAULT = "3";

    // every goal that applies: apply-update, and import-update with lxca.apply
    static final String DRY_RUN = "lxca.dryRun";
    static final String APPLY_TIMEOUT = "lxca.applyTimeout";
    static final String APPLY_TIMEOUT_DEFAULT = "3600";
    static final String APPLY_GRACE_PERIOD = "lxca.applyGracePeriod";
    static final String APPLY_GRACE_PERIOD_DEFAULT = "600";
    static final String APPLY_POLL_INTERVAL = "lxca.applyPollInterval";
    static final String APPLY_POLL_INTERVAL_DEFAULT = "5";
    static final String APPLY_MAX_POLL_INTERVAL = "lxca.applyMaxPollInterval";
    static final String APPLY_MAX_POLL_INTERVAL_DEFAULT = "30";
    static final String APPLY_REPORT_FILE = "lxca.applyReportFile";
    static final String APPLY_REPORT_FILE_DEFAULT = "${project.build.directory}/lxca/apply-report.json";

    // apply-update
    static final String SKIP_APPLY = "lxca.skipApply";

    // import-update
    static final String PARALLELISM = "lxca.parallelism";
    static final String PARALLELISM_DEFAULT = "4";
    static final String ON_EXISTING = "lxca.onExisting";
    static final String ON_EXISTING_DEFAULT = "fail";
    static final String REPORT_FILE = "lxca.reportFile";
    static final String REPORT_FILE_DEFAULT = "${project.build.directory}/lxca/import-report.json";
    static final String UPDATE_DIRECTORY = "lxca.updateDirectory";
    static final String POLL_INTERVAL = "lxca.pollInterval";
    static final String POLL_INTERVAL_DEFAULT = "5";
    static final String TASK_TIMEOUT = "lxca.taskTimeout";
    static final String TASK_TIMEOUT_DEFAULT = "3600";
    static final String SKIP_IMPORT = "lxca.skipImport";
    static final String APPLY = "lxca.apply";
    static final String CANARY = "lxca.canary";
    static final String CANARY_DEFAULT = "1";
    static final String MAX_FAILURES = "lxca.maxFailures";
    static final String MAX_FAILURES_DEFAULT = "0";
    static final String SUMMARY_FILE = "lxca.summaryFile";
    static final String ROLLOUT_REPORT_FILE = "lxca.rolloutReportFile";
    static final String ROLLOUT_REPORT_FILE_DEFAULT = "${project.build.directory}/lxca/rollout-report.json";
}
