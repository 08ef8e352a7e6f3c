/// <reference types="mocha" />
// The workspace configuration inside a real VS Code: writing .communique.json through the `vscode`
// API changes the diagnostics of an open release without a restart (a house form flags the form the
// release uses; a check turned off clears them), and a broken file shows a diagnostic on itself.
// While the file is open, its problems come from the text being typed; a quick fix that adds to it
// saves it unless it is open. The files are removed again at the end, so the fixture workspace is as it was.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { autoSaveOff, codeActions, find, openFixture, waitFor, workspaceRoot } from './helpers';

const RELEASE = 'releases/2021-10-political-consultations.release.md';
const DATELINE = 'Phnom Penh, 23 October 2021';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

function describe_(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`).join('; ') || 'no diagnostics';
}

describe('The workspace configuration (.communique.json) inside a real VS Code', () => {
  let configUri: vscode.Uri;

  before(() => {
    configUri = vscode.Uri.joinPath(workspaceRoot(), '.communique.json');
  });

  after(async () => {
    await vscode.workspace.fs.delete(configUri).then(undefined, () => undefined);
  });

  const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(text));
  const houseFindings = (uri: vscode.Uri): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'party-variant' && d.message.includes('this workspace writes'));

  it('a house form flags the release\'s spelling; a check turned off clears it; a broken file is a diagnostic on itself', async () => {
    const document = await openFixture(RELEASE);
    const vietNam = find(document, 'Viet Nam', DATELINE);
    assert.deepEqual(houseFindings(document.uri), [], 'no house form before the file exists');

    await write('{\n  // the house style of this press office\n  "preferredForms": ["Vietnam"]\n}\n');
    const flagged = await waitFor(
      'a party-variant diagnostic from the house form "Vietnam"',
      () => houseFindings(document.uri),
      (found) => found.some((d) => d.range.start.isEqual(vietNam.start) && d.message.includes('“Vietnam”')),
      { timeout: 30_000, describe: () => describe_(vscode.languages.getDiagnostics(document.uri)) },
    );
    assert.ok(flagged.length >= 1);

    await write('{\n  "preferredForms": ["Vietnam"],\n  "checks": { "party-variant": "off" }\n}\n');
    await waitFor('party-variant turned off', () => vscode.languages.getDiagnostics(document.uri), (found) => !found.some((d) => codeOf(d) === 'party-variant'), {
      timeout: 30_000,
      describe: describe_,
    });

    await write('{\n  "preferredForms": ["Vietnam"],\n  "checks": { "party-variant": "off" },\n  "colour": "red"\n}\n');
    const problems = await waitFor('a diagnostic on .communique.json', () => vscode.languages.getDiagnostics(configUri), (found) => found.length > 0, {
      timeout: 30_000,
      describe: describe_,
    });
    assert.equal(problems[0]!.range.start.line, 3, 'the unknown key is on line 4');
    assert.equal(problems[0]!.range.start.character, 2);
    assert.match(problems[0]!.message, /unknown key "colour"/);
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) === 'party-variant'),
      [],
      'the last good configuration (party-variant off) stays in force',
    );

    await vscode.workspace.fs.delete(configUri);
    await waitFor('the file removed: its diagnostic cleared', () => vscode.languages.getDiagnostics(configUri), (found) => found.length === 0, {
      timeout: 30_000,
      describe: describe_,
    });
    assert.deepEqual(houseFindings(document.uri), []);
  });

  it('an open .communique.json shows its problems as it is typed, before it is saved', async () => {
    // Auto save off, so the text stays unsaved while checked.
    const restoreAutoSave = await autoSaveOff();
    await write('{\n  "preferredForms": ["Viet Nam"]\n}\n');
    const config = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(config, { preview: false });
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(configUri).filter((d) => d.source === 'communique');
    try {
      const typing = new vscode.WorkspaceEdit();
      typing.insert(configUri, config.positionAt(config.getText().lastIndexOf('\n}')), ',\n  "aliases": { "Ruritania": ["RU"] }');
      assert.ok(await vscode.workspace.applyEdit(typing), 'the edit applies');
      const warned = await waitFor('a Communiqué warning on the unsaved alias of an unknown party', ours, (found) => found.length > 0, { timeout: 30_000, describe: describe_ });
      assert.ok(config.isDirty, 'the text is not saved');
      assert.equal(warned.length, 1, describe_(warned));
      assert.equal(warned[0]!.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual([warned[0]!.range.start.line, warned[0]!.range.start.character], [2, 15], 'on "Ruritania", line 3');
      assert.match(warned[0]!.message, /"Ruritania" matches no known party/);

      const fixing = new vscode.WorkspaceEdit();
      const at = config.getText().indexOf('Ruritania');
      fixing.replace(configUri, new vscode.Range(config.positionAt(at), config.positionAt(at + 'Ruritania'.length)), 'Cambodia');
      assert.ok(await vscode.workspace.applyEdit(fixing));
      await waitFor('the warning gone once the name is a known party, still unsaved', ours, (found) => found.length === 0, { timeout: 30_000, describe: describe_ });
      assert.ok(config.isDirty);
    } finally {
      await vscode.window.showTextDocument(config);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await restoreAutoSave();
    }
  });

  it('"Add … as an organisation" saves the configuration file it edited out of sight, and leaves an open one to the user', async () => {
    const restoreAutoSave = await autoSaveOff();
    await write('{\n  "preferredForms": ["Viet Nam"]\n}\n');
    const releaseUri = vscode.Uri.joinPath(workspaceRoot(), 'releases', 'zz-quick-fix.release.md');
    await vscode.workspace.fs.writeFile(releaseUri, new TextEncoder().encode('---\ndate: 2023-03-03\n---\n\nThe officials of NIDIR met the officials of ZEPHA in the capital.\n'));
    const release = await openFixture('releases/zz-quick-fix.release.md');
    const onDisk = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
    const actionsAt = (word: string): Promise<vscode.CodeAction[]> => codeActions(releaseUri, new vscode.Range(find(release, word).inside, find(release, word).inside));
    const adding = async (word: string): Promise<vscode.CodeAction> => {
      const title = `Add “${word}” as an organisation in this workspace`;
      const actions = await waitFor(title, () => actionsAt(word), (found) => found.some((a) => a.title === title), {
        timeout: 30_000,
        describe: (found) => found.map((a) => a.title).join(' | ') || 'no actions',
      });
      return actions.find((a) => a.title === title)!;
    };
    // As the workbench applies a code action the user chose: its edit, then its command.
    const apply = async (action: vscode.CodeAction): Promise<void> => {
      assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)), `${action.title}: the edit applies`);
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    };
    let config: vscode.TextDocument | undefined;
    try {
      await apply(await adding('NIDIR'));
      assert.match(await onDisk(), /"name": "NIDIR"/, 'saved');
      assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString())?.isDirty ?? false, false);
      await waitFor('NIDIR a party of the workspace once saved: no longer offered', () => actionsAt('NIDIR'), (found) => !found.some((a) => a.title.includes('NIDIR')), {
        timeout: 30_000,
        describe: (found) => found.map((a) => a.title).join(' | ') || 'no actions',
      });

      config = await vscode.workspace.openTextDocument(configUri);
      await vscode.window.showTextDocument(config, { preview: false });
      await apply(await adding('ZEPHA'));
      assert.match(config.getText(), /"name": "ZEPHA"/);
      assert.ok(config.isDirty, 'a file open in an editor is left unsaved, for the user to review');
      assert.doesNotMatch(await onDisk(), /ZEPHA/);
    } finally {
      // Unsaved edits reverted (also those of a failed step), or autosave would write them back after the file is removed.
      const open = config ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
      if (open) {
        await vscode.window.showTextDocument(open);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.window.showTextDocument(release);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(releaseUri);
      await restoreAutoSave();
    }
  });
});
