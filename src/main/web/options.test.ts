import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseWebModeOptions } from './options';

const linux = { platform: 'linux', homeDir: '/home/anna' };

describe('web-mode options', () => {
  it('defaults to port 4870 (replaceable) and the XDG data directory', () => {
    expect(parseWebModeOptions({ argv: [], env: {}, ...linux })).toEqual({
      port: 4870,
      portChosen: false,
      dataDir: '/home/anna/.local/share/postino',
    });
  });

  it('takes --port and --data-dir in both spellings, over the environment', () => {
    const env = { POSTINO_PORT: '5000', POSTINO_DATA_DIR: '/env/dir' };
    expect(parseWebModeOptions({ argv: ['--port', '6000', '--data-dir=/flag/dir'], env, ...linux })).toEqual({
      port: 6000,
      portChosen: true,
      dataDir: '/flag/dir',
    });
    expect(parseWebModeOptions({ argv: [], env, ...linux })).toMatchObject({ port: 5000, portChosen: true, dataDir: '/env/dir' });
  });

  it('accepts port 0 for any free port', () => {
    expect(parseWebModeOptions({ argv: ['--port=0'], env: {}, ...linux }).port).toBe(0);
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port', '']])('refuses %s %j as a port', (flag, value) => {
    expect(() => parseWebModeOptions({ argv: [`${flag}=${value}`], env: {}, ...linux })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('refuses any host but 127.0.0.1, and unknown arguments', () => {
    expect(() => parseWebModeOptions({ argv: ['--host', '0.0.0.0'], env: {}, ...linux })).toThrow(
      expect.objectContaining({ code: 'invalid-input', details: { field: 'host' } }),
    );
    expect(() => parseWebModeOptions({ argv: ['--host=127.0.0.1'], env: {}, ...linux })).not.toThrow();
    expect(() => parseWebModeOptions({ argv: ['--verbose'], env: {}, ...linux })).toThrow('Unknown argument: --verbose');
  });

  it('follows each OS for the default data directory', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/anna')).toBe('/data/postino');
    // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'data' }, '/home/anna')).toBe('/home/anna/.local/share/postino');
    expect(defaultDataDir('darwin', {}, '/Users/anna')).toBe('/Users/anna/Library/Application Support/Postino');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'C:\\Users\\anna')).toContain('Postino');
  });
});
