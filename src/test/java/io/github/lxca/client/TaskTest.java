package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private Task read(String json) throws Exception {
        return Task.from(mapper.readTree(json));
    }

    @ParameterizedTest
    @CsvSource({
        "Pending,RUNNING",
        "Running,RUNNING",
        "Running_With_Errors,RUNNING",
        "running with errors,RUNNING",
        "Complete,SUCCEEDED",
        "COMPLETE,SUCCEEDED",
        "Stopped_With_Error,FAILED",
        "Cancelled,FAILED",
        "Cancelled_With_Errors,FAILED",
        "Interrupted,FAILED",
        "Stopped-With-Error,FAILED",
        "Warming_Up,UNKNOWN",
        "'',UNKNOWN"
    })
    void classifiesStateNamesLoosely(String raw, TaskState expected) {
        assertEquals(expected, TaskState.of(raw));
    }

    @Test
    void aTaskWithoutAStateIsUnknown() {
        assertEquals(TaskState.UNKNOWN, TaskState.of(null));
    }

    @ParameterizedTest
    @CsvSource({
        "Pending,true",
        "QUEUED,true",
        "new,true",
        "Running,false",
        "Running_With_Errors,false",
        "Starting,false",
        "Complete,false",
        "'',false"
    })
    void tellsAJobThatHasNotStarted(String raw, boolean notStarted) {
        assertEquals(notStarted, TaskState.notStarted(raw));
    }

    @Test
    void readsStateFromStatusStringObjectOrTaskState() throws Exception {
        Task plain = read("{\"jobUID\":\"7\",\"status\":\"Running\",\"percentage\":40}");
        assertEquals("7", plain.id());
        assertEquals("Running", plain.rawState());
        assertEquals(40, plain.percentage());

        Task object = read("{\"jobUID\":7,\"status\":{\"state\":\"Complete\",\"percentage\":100}}");
        assertEquals("7", object.id());
        assertEquals(TaskState.SUCCEEDED, object.outcome());
        assertEquals(100, object.percentage());

        assertEquals("Pending", read("{\"id\":\"8\",\"taskState\":\"Pending\"}").rawState());
    }

    @Test
    void theStateComesFromWhicheverCandidateHoldsAKnownState() throws Exception {
        Task freeText = read("{\"jobUID\":\"7\",\"status\":\"Importing lnvgy_x\",\"taskState\":\"Complete\"}");
        assertEquals("Complete", freeText.rawState());
        assertEquals(TaskState.SUCCEEDED, freeText.outcome());

        Task objectWithFreeText = read("{\"jobUID\":\"7\",\"status\":{\"state\":\"Working on it\"},"
                + "\"taskState\":\"Stopped_With_Error\"}");
        assertEquals(TaskState.FAILED, objectWithFreeText.outcome());

        Task knownStatusWins = read("{\"jobUID\":\"7\",\"status\":\"Running\",\"taskState\":\"Complete\"}");
        assertEquals("Running", knownStatusWins.rawState());
    }

    @Test
    void anUnknownStateInEveryCandidateStaysUnknownAndIsShownAsItCame() throws Exception {
        Task unknown = read("{\"jobUID\":\"7\",\"status\":\"Importing lnvgy_x\",\"taskState\":\"Warming_Up\"}");
        assertEquals(TaskState.UNKNOWN, unknown.state());
        assertEquals("Importing lnvgy_x", unknown.rawState());
    }

    @Test
    void aFailedChildFailsACompleteParentButNotARunningOne() throws Exception {
        String child = "\"children\":[{\"jobUID\":\"7.1\",\"name\":\"step\",\"status\":\"Complete\",\"children\":["
                + "{\"jobUID\":\"7.1.1\",\"name\":\"deep\",\"status\":\"Stopped_With_Error\","
                + "\"messages\":[{\"id\":\"X\",\"text\":\"broken\"}]}]}]";
        Task complete = read("{\"jobUID\":\"7\",\"status\":\"Complete\"," + child + "}");
        assertEquals(TaskState.FAILED, complete.outcome());
        assertEquals("deep", complete.failedDescendant().orElseThrow().name());
        assertEquals("X", complete.allMessages().get(0).id());

        Task running = read("{\"jobUID\":\"7\",\"status\":\"Running\"," + child + "}");
        assertEquals(TaskState.RUNNING, running.outcome());
    }
}
