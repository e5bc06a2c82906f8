// The customization check widgets run: the standalone validator with friendly problems.
export {validateCustomization} from '@rapport/schema';
