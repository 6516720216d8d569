package io.github.samfiji.service;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.ij.tool.ToolSessions;

import org.scijava.service.SciJavaService;

/**
 * The state of Segment Anything that lives longer than one command: the {@link SamEngine} (opened models and
 * embedding caches) and the interactive tool's sessions and accepted objects. Disposed with its SciJava
 * {@code Context}: sessions and models are closed then. SciJava commands get it as a {@code @Parameter}; ImageJ 1
 * plugins and the command line through {@link SamServices#current()}.
 */
public interface SamService extends SciJavaService {

	/** The engine every operation runs on. */
	SamEngine engine();

	/** The SAM tool's sessions (one per image) and the objects accepted on each image. */
	ToolSessions tools();
}
