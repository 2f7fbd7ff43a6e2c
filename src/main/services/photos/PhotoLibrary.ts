import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter } from '../../../shared/Emitter';
import { NewsdeskError } from '../../../shared/errors';
import { photoFieldsSchema, photoSchema, type Photo, type PhotoFields, type PhotoRendition } from '../../../shared/model/Photo';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import { errnoOf } from '../store/FileSystem';
import { toStorageError, writeFileDurable } from '../store/writeFileDurable';

const RECORD = 'photo.json';

/** Where a photo's files live in its folder. */
export function photoFile(rendition: PhotoRendition, ext: string): string {
  return rendition === 'original' ? `original.${ext}` : `${rendition}.jpg`;
}

/**
 * The desk's photos on disk: `photos/<id>/original.<ext>`, `thumb.jpg`, `display.jpg` and
 * `photo.json` (the record: caption fields, size, where the thumbnail came from). Every file is
 * written durably (temp, fsync, rename, fsync the folder) and photo.json last: a folder without it
 * is an import that did not finish, removed when the library opens and redone by the next import.
 * Records are read once, on the first call that needs them, not at host start.
 */
export class PhotoLibrary {
  /** A photo was added or its fields changed. */
  readonly changes = new Emitter<Photo[]>();
  private photos: Promise<Map<string, Photo>> | null = null;
  /** Writes of one photo's record, in order: a later edit never lands before an earlier one. */
  private readonly writing = new Map<string, Promise<unknown>>();

  private constructor(readonly dir: string) {}

  static async open(dataDir: string): Promise<PhotoLibrary> {
    const dir = join(dataDir, 'photos');
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, dir);
    }
    return new PhotoLibrary(dir);
  }

  folderOf(id: string): string {
    return join(this.dir, id);
  }

  async list(): Promise<Photo[]> {
    return [...(await this.load()).values()];
  }

  async find(id: string): Promise<Photo | undefined> {
    return (await this.load()).get(id);
  }

  async get(id: string): Promise<Photo> {
    const photo = await this.find(id);
    if (!photo) throw new NewsdeskError('NOT_FOUND', { photoId: id });
    return photo;
  }

  /** Records a photo whose files are already in its folder (the importer wrote them). */
  async add(photo: Photo): Promise<Photo> {
    const record = photoSchema.parse(photo);
    await this.write(record);
    (await this.load()).set(record.id, record);
    this.changes.emit([record]);
    return record;
  }

  /**
   * Changes some fields of one photo. `baseRev` is the rev the form started from: a photo changed
   * meanwhile (another window, a batch) is a CONFLICT, never overwritten.
   */
  async update(id: string, baseRev: number, fields: Partial<PhotoFields>): Promise<Photo> {
    const [photo] = await this.updateMany([{ id, baseRev, fields }]);
    return photo!;
  }

  /**
   * Several photos' fields at once (a batch, or its undo): all are checked first, so a conflict
   * or an unknown id changes none of them.
   */
  async updateMany(items: readonly { id: string; baseRev?: number; fields: Partial<PhotoFields> }[]): Promise<Photo[]> {
    const photos = await this.load();
    const next = items.map(({ id, baseRev, fields }) => {
      const current = photos.get(id);
      if (!current) throw new NewsdeskError('NOT_FOUND', { photoId: id });
      if (baseRev !== undefined && baseRev !== current.rev) throw new NewsdeskError('CONFLICT', { photoId: id, rev: current.rev });
      const merged = photoFieldsSchema.parse(normalizeDeep({ ...current.fields, ...fields }));
      return { ...current, rev: current.rev + 1, fields: merged };
    });
    await Promise.all(next.map((photo) => this.write(photo)));
    for (const photo of next) photos.set(photo.id, photo);
    if (next.length) this.changes.emit(next);
    return next;
  }

  async rendition(id: string, rendition: PhotoRendition): Promise<{ mime: string; file: string }> {
    const photo = await this.get(id);
    return {
      mime: rendition === 'original' ? photo.mime : 'image/jpeg',
      file: join(this.folderOf(id), photoFile(rendition, photo.ext)),
    };
  }

  private async write(photo: Photo): Promise<void> {
    const previous = this.writing.get(photo.id) ?? Promise.resolve();
    const write = previous.catch(() => undefined).then(() => writeFileDurable(join(this.folderOf(photo.id), RECORD), `${JSON.stringify(photo, null, 2)}\n`));
    this.writing.set(photo.id, write);
    try {
      await write;
    } finally {
      if (this.writing.get(photo.id) === write) this.writing.delete(photo.id);
    }
  }

  private load(): Promise<Map<string, Photo>> {
    this.photos ??= this.readAll();
    return this.photos;
  }

  private async readAll(): Promise<Map<string, Photo>> {
    const photos = new Map<string, Photo>();
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch (error) {
      throw toStorageError(error, this.dir);
    }
    await Promise.all(
      entries
        .filter((entry) => /^[a-f0-9]{32}$/.test(entry))
        .map(async (id) => {
          let text: string;
          try {
            text = await readFile(join(this.dir, id, RECORD), 'utf8');
          } catch (error) {
            // An import cut short (no record yet): its files are removed and the next import redoes it.
            if (errnoOf(error) === 'ENOENT') await rm(join(this.dir, id), { recursive: true, force: true }).catch(() => undefined);
            return;
          }
          let parsed: ReturnType<typeof photoSchema.safeParse>;
          try {
            parsed = photoSchema.safeParse(JSON.parse(text));
          } catch {
            parsed = photoSchema.safeParse(null);
          }
          if (parsed.success && parsed.data.id === id) photos.set(id, parsed.data);
          else console.warn('[newsdesk] damaged photo record left aside:', id);
        }),
    );
    return photos;
  }
}
