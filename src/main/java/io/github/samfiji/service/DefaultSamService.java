package io.github.samfiji.service;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.ij.tool.ToolSessions;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * The {@link SamService} of a SciJava context, or a context-free one made by {@link SamServices#current()} where no
 * context exists (plain ImageJ 1, the command line). Made lazily: nothing opens until an operation needs it.
 */
@Plugin(type = Service.class)
public class DefaultSamService extends AbstractService implements SamService {

	private SamEngine engine;
	private ToolSessions tools;

	@Override
	public synchronized SamEngine engine() {
		if (engine == null) engine = new SamEngine();
		return engine;
	}

	@Override
	public synchronized ToolSessions tools() {
		if (tools == null) tools = new ToolSessions();
		return tools;
	}

	/** Closes the tool's sessions and the models (those in use when their runs end). */
	@Override
	public synchronized void dispose() {
		if (tools != null) tools.close();
		if (engine != null) engine.close();
		tools = null;
		engine = null;
	}
}
