package io.github.lxca.maven;

import org.apache.maven.plugin.MojoFailureException;

/** A parameter or setting the goal cannot work with: a headline naming it, and a {@code What to do:} line. */
class PluginConfigurationException extends MojoFailureException {
    PluginConfigurationException(String headline, String whatToDo) {
        super(headline + "\nWhat to do: " + whatToDo);
    }
}
