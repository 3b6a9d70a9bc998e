package io.github.lxca.packaging;

/** The {@code .txt} readme written when the project supplies no readme file. */
public final class ReadmeText {
    private ReadmeText() {}

    public static String generate(String name, String description, String version, String fixId) {
        String title = name + " " + version;
        StringBuilder text = new StringBuilder()
                .append(title)
                .append('\n')
                .append("=".repeat(title.length()))
                .append('\n')
                .append('\n');
        if (!description.isBlank()) {
            text.append(description.strip()).append('\n').append('\n');
        }
        return text.append("Fix id: ").append(fixId).append('\n').toString();
    }
}
