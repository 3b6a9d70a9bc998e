import io.github.lxca.simulator.SelfSignedCertificate
import io.github.lxca.simulator.SimulatorMain

// The build's simulator (another JVM) owns simulatorDir and its port. Start a second one beside it, in
// this JVM, as a person running mvn -Psimulator twice would: it must fail with a hint and touch nothing.
evaluate(new File(basedir, '../../../src/it/common.groovy'))
def dir = new File(simulatorDir)
def owned = ['url.txt', 'events.log', 'secrets.log', 'truststore.p12', 'fingerprint.txt', 'server-key.p12', 'repository']
owned.each { assert new File(dir, it).exists() : "the running simulator has no ${it}" }
def url = new File(dir, 'url.txt').text
def eventsBefore = new File(dir, 'events.log').length()
def port = new URI(url.strip()).port

def failure = { List<String> args ->
    try {
        SimulatorMain.main(args as String[])
    } catch (IllegalStateException e) {
        return e.message
    }
    assert false : 'a second simulator started with ' + args
}
def onBusyPort = failure(['--port', "${port}", '--dir', new File(basedir, 'second').path])
assert onBusyPort.contains("Port ${port} is in use") && onBusyPort.contains('-Dlxca.simulator.port=') : onBusyPort
assert !new File(basedir, 'second').exists() : 'the refused start made its folder anyway'
def onBusyFolder = failure(['--port', '0', '--dir', dir.path])
assert onBusyFolder.contains("Another LXCA simulator is running on the folder ${dir}") : onBusyFolder

// The running simulator's files are all still there, and it still answers.
owned.each { assert new File(dir, it).exists() : "the second start deleted the running simulator's ${it}" }
assert new File(dir, 'url.txt').text == url
assert new File(dir, 'events.log').length() >= eventsBefore
new Socket('127.0.0.1', port).close()

// Its certificate is the one kept in its folder, which a restart reuses.
def kept = SelfSignedCertificate.keptIn(new File(dir, 'server-key.p12').toPath()).fingerprint()
assert new File(dir, 'fingerprint.txt').text.strip() == kept
true
