/** A module loaded after first paint (its own chunk), as state: null until it has arrived. */
import { useEffect, useState } from 'preact/hooks';

export function useLazyModule<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  // Loaded once per mount.
  useEffect(() => {
    let active = true;
    void load().then((loaded) => active && setModule(() => loaded));
    return () => {
      active = false;
    };
  }, []);
  return module;
}
