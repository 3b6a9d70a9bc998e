evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_rehearsal-1.0.0_anyos_noarch'
def jar = new File(basedir, "target/rehearsal/lxca-maven-plugin-${pluginVersion}-simulator.jar")
assert jar.isFile() : 'dependency:copy did not fetch ' + jar
def simulator = new File(basedir, 'target/rehearsal/lxca-simulator')
def port = new URI(new File(simulator, 'url.txt').text.strip()).port
expect("LXCA simulator ready at https://localhost:${port}")
expect("into LXCA at https://localhost:${port} as admin")
expect("Imported ${fixId}: job ")
// The jar's simulator, not the build's, received the set, byte for byte.
expectStored(simulator, fixId)
assert !new File(simulatorDir, "repository/${fixId}").exists()
assert new File(simulator, 'secrets.log').isFile()
expectNoSecretsOf(simulator)
// The jar as a user runs it by hand: --help, and the one-line errors of a busy port and a held folder
def java = new File(System.getProperty('java.home'), 'bin/java').path
def runJar = { List<String> args ->
    def process = ([java, '-jar', jar.path] + args).execute(null, basedir)
    def killer = new Thread({ sleep(60000); process.destroy() }) // one that starts a server after all is stopped
    killer.daemon = true
    killer.start()
    def out = new StringBuilder()
    def err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    [process.exitValue(), out.toString(), err.toString()]
}
def jarName = jar.name

// The build's simulator stopped with the build's JVM: this script starts one of its own, at another version, and
// reads what it prints at start: the version it runs, and a build command without the password. (The exec plugin's
// simulator.log is written only when that one stops.)
def ownDir = new File(basedir, 'target/version-simulator')
def own = [java, '-jar', jar.path, '--dir', ownDir.path, '--version', '0.9.0'].execute(null, basedir)
def watchdog = new Thread({ sleep(60000); own.destroy() }) // a start that hangs fails this script, not the build
watchdog.daemon = true
watchdog.start()
def printed = []
own.inputStream.newReader().with { reader ->
    def line
    while ((line = reader.readLine()) != null) {
        printed << line
        if (line.startsWith('  a build imports')) break
    }
}
def startText = printed.join('\n')
def ownPort = new URI((startText =~ /LXCA simulator listening on (\S+)/)[0][1]).port
assert startText.contains('  it runs LXCA version 0.9.0 (an apply must be newer; --version V starts it at another)') : startText
assert startText =~ /  a build imports into it and applies with: export LXCA_PASSWORD=Sim-Pa55-w0rd; mvn verify -Dlxca.url=https:\/\/localhost:\d+ -Dlxca.serverId=none -Dlxca.username=admin -Dlxca.certificateFingerprint=[0-9A-F:]+ -Dlxca.onExisting=skip/ : startText
assert !startText.contains('-Dlxca.password') : startText
try {
def (helpExit, helpOut, helpErr) = runJar(['--help'])
assert helpExit == 0 : helpErr
assert helpOut.startsWith("Usage: java -jar ${jarName} [--port 8443] [--dir lxca-simulator] [--version 1.0.0]") : helpOut
assert helpOut.contains('  --help           print this and start nothing') : helpOut
assert !new File(basedir, 'target/lxca-simulator').exists() : '--help started nothing'

def (portExit, portOut, portErr) = runJar(['--port', "${ownPort}", '--dir', 'target/second-simulator'])
assert portExit == 2 : portErr
assert portErr == "Error: Port ${ownPort} is in use, perhaps by an LXCA simulator started earlier; nothing was changed. What to do: use that one, or start this one on a free port: java -jar ${jarName} --port ${ownPort + 1}${System.lineSeparator()}" : portErr
assert !new File(basedir, 'target/second-simulator').exists() : 'nothing was changed'

def (lockExit, lockOut, lockErr) = runJar(['--dir', ownDir.path])
assert lockExit == 2 : lockErr
assert lockErr == "Error: Another LXCA simulator is running on the folder ${ownDir.absolutePath}; its files are left alone. What to do: use that one (its URL is in url.txt), or stop it first, or start this one on another folder: java -jar ${jarName} --dir lxca-simulator-2${System.lineSeparator()}" : lockErr
assert new File(ownDir, 'url.txt').isFile() : 'the running simulator keeps its files'
} finally {
    own.destroy()
    own.waitFor()
}
true
