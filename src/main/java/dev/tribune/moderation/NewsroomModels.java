package dev.tribune.moderation;

import dev.tribune.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder (TRIBUNE_MODELS) holding the toxicity model a newsroom trained on its own
 * moderators' decisions. A server loads that model at start in place of the shipped one;
 * without it, the shipped models run. The shipped files are never touched.
 */
public final class NewsroomModels {
    static final String TOXICITY_FILE = "toxicity.model";
    private static final Logger LOG = LoggerFactory.getLogger(NewsroomModels.class);

    private final Path folder;

    public NewsroomModels(Path folder) {
        this.folder = folder;
    }

    public static NewsroomModels of(Settings settings) {
        return new NewsroomModels(settings.modelsFolder());
    }

    public Path toxicityFile() {
        return folder.resolve(TOXICITY_FILE);
    }

    /** The classifiers a server runs, logging which toxicity model that is; a damaged newsroom model stops start-up. */
    public Classifiers load() {
        Path file = toxicityFile();
        Classifiers c;
        if (Files.isRegularFile(file)) {
            try {
                c = Classifiers.withToxicity(file);
            } catch (IOException | RuntimeException e) {
                throw new Settings.BadSetting("cannot read the newsroom's toxicity model " + file + " (" + e.getMessage()
                        + "); retrain it, or move it out of TRIBUNE_MODELS to run the shipped model");
            }
        } else {
            c = Classifiers.loadShipped();
        }
        LOG.info("toxicity model: {}, {}", c.toxicityVersion().label(), c.toxicityVersion().file());
        return c;
    }

    /** The version number a newsroom model written to this file gets: one more than the one it replaces. */
    static int nextVersion(Path file) {
        if (!Files.isRegularFile(file)) return 1;
        try {
            return Classifiers.withToxicity(file).toxicityVersion().version() + 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }
}
