// Shared by setup and verify scripts that copy a folder (evaluated into their binding): copyTree(from, to,
// include) copies the files under `from` whose relative path (with '/') `include` accepts.
copyTree = { File from, File to, Closure<Boolean> include ->
    def source = from.toPath()
    java.nio.file.Files.walk(source).withCloseable { paths ->
        paths.filter { java.nio.file.Files.isRegularFile(it) }.forEach { path ->
            def relative = source.relativize(path).toString().replace(File.separatorChar, '/' as char)
            if (include(relative)) {
                def target = to.toPath().resolve(relative)
                java.nio.file.Files.createDirectories(target.parent)
                java.nio.file.Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
