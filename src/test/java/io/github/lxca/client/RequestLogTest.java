package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLogTest {
    @Test
    void showsThePathAndTheValuesOfActionKeyAndJobId() {
        assertEquals("/files/managementServer/updates?action=import&jobid=17",
                RequestLog.describe("/files/managementServer/updates?action=import&jobid=17"));
        assertEquals("/managementServer/updates?key=updates", RequestLog.describe("/managementServer/updates?key=updates"));
        assertEquals("/sessions", RequestLog.describe("/sessions"));
        assertEquals("/tasks/17?includeChildren=true", RequestLog.describe("/tasks/17?includeChildren=true"));
    }

    @Test
    void hidesTheValuesOfOtherQueryParameters() {
        assertEquals("/tasks?action=cancel&token=***&flag",
                RequestLog.describe("/tasks?action=cancel&token=s3cret&flag"));
    }
}
